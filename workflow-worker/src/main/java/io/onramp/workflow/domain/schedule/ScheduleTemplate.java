package io.onramp.workflow.domain.schedule;

import java.time.Instant;

/** A tenant's template for scheduling: the type, duration and title an interview gets unless its request says. */
public record ScheduleTemplate(
        String tenantId,
        String id,
        String interviewType,
        int durationMinutes,
        String title,
        long version,
        Instant updatedAt) {}
