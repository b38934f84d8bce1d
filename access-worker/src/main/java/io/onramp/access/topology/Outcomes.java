package io.onramp.access.topology;

import io.onramp.domain.Decision;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.FieldError;

/** Builds the access-worker's outcome records: the reply to the command and the change to project. */
final class Outcomes {

    private Outcomes() {}

    static AccessOutcome accepted(
            CommandMetadata metadata,
            String resourceType,
            String resourceId,
            CommandOutcome outcome,
            Long version,
            Integer count,
            Object change) {
        return AccessOutcome.newBuilder()
                .setReply(reply(metadata, resourceType, resourceId)
                        .setOutcome(outcome)
                        .setVersion(version)
                        .setAffectedCount(count)
                        .build())
                .setChange(change)
                .build();
    }

    static AccessOutcome rejected(
            CommandMetadata metadata, String resourceType, String resourceId, Decision.Rejected<?> rejected) {
        return AccessOutcome.newBuilder()
                .setReply(reply(metadata, resourceType, resourceId)
                        .setOutcome(outcome(rejected.reason()))
                        .setMessage(rejected.message())
                        .setErrors(rejected.violations().stream()
                                .map(v -> new FieldError(v.field(), v.error()))
                                .toList())
                        .build())
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
