package io.onramp.access.domain;

import java.time.Instant;

/**
 * One attempt of a user at an interview.
 *
 * @param scheduledEnd when the attempt ends by itself (start + duration), or null when the interview does not end
 *     after its duration
 * @param end when it was completed (or archived while in progress), or its scheduled end once it expired; else null
 * @param deleted soft-deleted: kept, but no longer listed or readable
 */
public record Attempt(
        String tenantId,
        String attemptId,
        String interviewId,
        String userId,
        Status status,
        Instant start,
        Instant scheduledEnd,
        Instant end,
        boolean deleted,
        long version,
        Instant updatedAt) {

    public enum Status {
        IN_PROGRESS,
        COMPLETED,
        ARCHIVED,
        /** Still in progress at its scheduled end: it ended by itself then. */
        EXPIRED
    }

    /** Ended: no longer in progress, or past its scheduled end. */
    public boolean endedAt(Instant now) {
        return status != Status.IN_PROGRESS || (scheduledEnd != null && !now.isBefore(scheduledEnd));
    }

    Attempt changed(Status newStatus, Instant newEnd, boolean newDeleted, Instant now) {
        return new Attempt(
                tenantId,
                attemptId,
                interviewId,
                userId,
                newStatus,
                start,
                scheduledEnd,
                newEnd,
                newDeleted,
                version + 1,
                now);
    }
}
