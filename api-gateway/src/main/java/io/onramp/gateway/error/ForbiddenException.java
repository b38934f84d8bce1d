package io.onramp.gateway.error;

/** Same tenant, but not the caller's to touch (not the owner, no {@code *_all} permission): a 403 "Access denied". */
public final class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
