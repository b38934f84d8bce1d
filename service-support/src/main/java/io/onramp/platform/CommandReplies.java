package io.onramp.platform;

import io.onramp.domain.Decision;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.FieldError;

/** The replies workers send for the commands they decide: an acceptance, or a rejection with its field errors. */
public final class CommandReplies {

    private CommandReplies() {}

    public static CommandReply accepted(
            CommandMetadata metadata,
            String resourceType,
            String resourceId,
            CommandOutcome outcome,
            Long version,
            Integer count) {
        return reply(metadata, resourceType, resourceId)
                .setOutcome(outcome)
                .setVersion(version)
                .setAffectedCount(count)
                .build();
    }

    public static CommandReply rejected(
            CommandMetadata metadata, String resourceType, String resourceId, Decision.Rejected<?> rejected) {
        return reply(metadata, resourceType, resourceId)
                .setOutcome(outcome(rejected.reason()))
                .setMessage(rejected.message())
                .setErrors(rejected.violations().stream()
                        .map(v -> new FieldError(v.field(), v.error()))
                        .toList())
                .build();
    }

    private static CommandReply.Builder reply(CommandMetadata metadata, String resourceType, String resourceId) {
        return CommandReply.newBuilder()
                .setRequestId(metadata.getRequestId())
                .setTenantId(metadata.getTenantId())
                .setResourceType(resourceType)
                .setResourceId(resourceId);
    }

    private static CommandOutcome outcome(Decision.Reason reason) {
        return switch (reason) {
            case INVALID -> CommandOutcome.REJECTED_INVALID;
            case CONFLICT -> CommandOutcome.REJECTED_CONFLICT;
            case NOT_FOUND -> CommandOutcome.REJECTED_NOT_FOUND;
            case NO_ACCESS -> CommandOutcome.REJECTED_NO_ACCESS;
        };
    }
}
