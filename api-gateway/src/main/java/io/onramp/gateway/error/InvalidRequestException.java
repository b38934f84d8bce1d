package io.onramp.gateway.error;

/** A request whose shape is wrong in a way bean validation cannot see (a path id, say): a 400 naming the field. */
public final class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String error) {
        super(error);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
