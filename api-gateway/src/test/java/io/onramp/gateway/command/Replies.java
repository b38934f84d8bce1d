package io.onramp.gateway.command;

import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.FieldError;
import java.util.List;

/** What a worker's reply makes of a command, for a test double of the {@link CommandBus}. */
public final class Replies {

    private Replies() {}

    public static CommandReply accepted(int affected) {
        return reply(CommandOutcome.ACCEPTED, null, List.of(), affected);
    }

    public static CommandReply created() {
        return reply(CommandOutcome.CREATED, null, List.of(), 1);
    }

    /** The bus's answer to a rejection: the exception the gateway turns into its status. */
    public static RuntimeException rejected(CommandOutcome outcome, String field, String error) {
        return new CommandRejectedException(reply(outcome, "Rejected", List.of(new FieldError(field, error)), 0));
    }

    /** The bus's answer when no reply came in time. */
    public static RuntimeException pending(String requestId) {
        return new CommandPendingException(requestId);
    }

    private static CommandReply reply(CommandOutcome outcome, String message, List<FieldError> errors, int affected) {
        return CommandReply.newBuilder()
                .setRequestId("r-1")
                .setTenantId("acme")
                .setOutcome(outcome)
                .setMessage(message)
                .setErrors(errors)
                .setAffectedCount(affected)
                .build();
    }
}
