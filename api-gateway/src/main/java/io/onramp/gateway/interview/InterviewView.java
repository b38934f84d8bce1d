package io.onramp.gateway.interview;

import java.time.Instant;

/** An interview as the API shows it. */
record InterviewView(
        String id,
        String title,
        String description,
        int durationSeconds,
        Config config,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    record Config(boolean isDefaultAccessAllowed, boolean shouldEndInterviewAfterDuration) {}
}
