package io.onramp.gateway.error;

import java.util.List;

/**
 * A request whose shape is wrong in a way bean validation cannot see (a path id, say): a 400 naming each field.
 */
public final class InvalidRequestException extends RuntimeException {

    private final List<ErrorEnvelope.Item> errors;

    public InvalidRequestException(String field, String error) {
        this(List.of(ErrorEnvelope.Item.of(field, error)));
    }

    public InvalidRequestException(List<ErrorEnvelope.Item> errors) {
        super(errors.isEmpty() ? "Validation failed" : errors.get(0).error());
        this.errors = List.copyOf(errors);
    }

    public List<ErrorEnvelope.Item> errors() {
        return errors;
    }
}
