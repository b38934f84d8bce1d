package io.onramp.gateway.attempt;

import java.time.Instant;

/** An attempt as the API shows it. */
record AttemptView(
        String id,
        String interviewId,
        String userId,
        Instant startDatetime,
        Instant endDatetime,
        Instant scheduledEndDatetime,
        String status,
        long version) {}
