package io.onramp.access.topology;

import io.onramp.domain.Decision;
import io.onramp.platform.CommandReplies;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;

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
                .setReply(CommandReplies.accepted(metadata, resourceType, resourceId, outcome, version, count))
                .setChange(change)
                .build();
    }

    static AccessOutcome rejected(
            CommandMetadata metadata, String resourceType, String resourceId, Decision.Rejected<?> rejected) {
        return AccessOutcome.newBuilder()
                .setReply(CommandReplies.rejected(metadata, resourceType, resourceId, rejected))
                .build();
    }
}
