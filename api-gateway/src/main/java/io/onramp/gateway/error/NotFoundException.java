package io.onramp.gateway.error;

/** A resource that does not exist in the caller's tenant (or exists only in another one: never revealed). */
public final class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String resource, String id) {
        super(resource + " " + id + " not found");
        this.field = "id";
    }

    public String field() {
        return field;
    }
}
