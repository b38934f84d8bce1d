package io.onramp.access.topology;

import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.Keys;
import java.time.Instant;
import java.util.UUID;

/** Test data: catalogue commands as the gateway sends them. */
public final class InterviewCommands {

    private InterviewCommands() {}

    public static InterviewCommand create(String tenant, String interviewId, String title) {
        return create(tenant, interviewId, title, UUID.randomUUID().toString());
    }

    public static InterviewCommand create(String tenant, String interviewId, String title, String requestId) {
        return InterviewCommand.newBuilder()
                .setMetadata(CommandMetadata.newBuilder()
                        .setRequestId(requestId)
                        .setTenantId(tenant)
                        .setUserId("u-admin")
                        .setIssuedAt(Instant.parse("2026-11-22T10:00:00Z"))
                        .build())
                .setPayload(CreateInterview.newBuilder()
                        .setInterviewId(interviewId)
                        .setTitle(title)
                        .setDurationSeconds(1800)
                        .setShouldEndInterviewAfterDuration(true)
                        .build())
                .build();
    }

    public static String key(String tenant, String interviewId) {
        return Keys.of(tenant, interviewId);
    }
}
