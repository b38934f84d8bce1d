package io.onramp.access.domain;

import java.time.Instant;

/** One interview of a tenant's catalogue; {@code version} rises with every change. */
public record Interview(
        String tenantId,
        String interviewId,
        InterviewSpec spec,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
