package io.onramp.gateway.schedule;

import java.time.Instant;
import java.util.List;

/** A scheduled interview as the read model holds it (seeds/003 field names). */
record Schedule(
        String id,
        String interviewType,
        String title,
        String status,
        long version,
        Candidate candidate,
        String organizerId,
        List<String> interviewerIds,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timezone,
        String meetingProvider,
        String meetingUrl,
        String location,
        String notes,
        String confirmedBy,
        Instant confirmedAt,
        Instant actualStart,
        Instant actualEnd,
        String cancellationReason,
        Instant cancelledAt,
        int rescheduleCount,
        boolean allowOverlap,
        int feedbackCount,
        Instant createdAt,
        Instant updatedAt) {

    record Candidate(String id, String name, String email, String timezone) {}

    /** The user organises it, sits on its panel or is its candidate. */
    boolean involves(String userId) {
        return organizerId.equals(userId) || candidate.id().equals(userId) || interviewerIds.contains(userId);
    }
}
