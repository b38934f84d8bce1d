package io.onramp.gateway.error;

/** A command that changes a versioned resource came without {@code If-Match}: 428, naming the header. */
public final class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
