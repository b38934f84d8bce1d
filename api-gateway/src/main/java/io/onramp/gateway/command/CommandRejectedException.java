package io.onramp.gateway.command;

import io.onramp.gateway.error.ErrorEnvelope;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import java.util.List;

/** A worker decided against a command; carries the HTTP status its outcome maps to and the worker's field errors. */
public final class CommandRejectedException extends RuntimeException {

    private final int status;
    private final List<ErrorEnvelope.Item> errors;

    CommandRejectedException(CommandReply reply) {
        super(reply.getMessage() == null ? defaultMessage(reply.getOutcome()) : reply.getMessage());
        this.status = status(reply.getOutcome());
        this.errors = reply.getErrors().stream()
                .map(e -> ErrorEnvelope.Item.of(e.getField(), e.getError()))
                .toList();
    }

    public int status() {
        return status;
    }

    public List<ErrorEnvelope.Item> errors() {
        return errors;
    }

    /** The one place a worker's outcome becomes an HTTP status. */
    static int status(CommandOutcome outcome) {
        return switch (outcome) {
            case CREATED -> 201;
            case ACCEPTED -> 200;
            case REJECTED_INVALID -> 400;
            case REJECTED_NO_ACCESS -> 403;
            case REJECTED_NOT_FOUND -> 404;
            case REJECTED_CONFLICT -> 409;
        };
    }

    static boolean isRejection(CommandOutcome outcome) {
        return status(outcome) >= 400;
    }

    private static String defaultMessage(CommandOutcome outcome) {
        return switch (outcome) {
            case REJECTED_NO_ACCESS -> "Access denied";
            case REJECTED_NOT_FOUND -> "Not found";
            case REJECTED_CONFLICT -> "Conflict";
            default -> "Validation failed";
        };
    }
}
