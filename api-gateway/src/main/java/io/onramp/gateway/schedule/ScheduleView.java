package io.onramp.gateway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A scheduled interview as the API shows it (seeds/003 field names), with the values computed at read time:
 * durations, whether it is upcoming, past or today (in the interview's time zone), and the start in the candidate's.
 */
record ScheduleView(
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
        OffsetDateTime candidateLocalStart,
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
        long durationMinutes,
        Long actualDurationMinutes,
        boolean isUpcoming,
        boolean isPast,
        boolean isToday,
        int feedbackCount,
        boolean allFeedbackSubmitted,
        Instant createdAt,
        Instant updatedAt) {

    private static final Set<String> AHEAD = Set.of("scheduled", "confirmed", "rescheduled");

    record Candidate(String id, String name, String email, String timezone) {}

    /** The stored row, with the computed values as of {@code now}. */
    static ScheduleView of(Row row, Instant now) {
        ZoneId zone = ZoneId.of(row.timezone());
        return new ScheduleView(
                row.id(),
                row.interviewType(),
                row.title(),
                row.status(),
                row.version(),
                row.candidate(),
                row.organizerId(),
                row.interviewerIds(),
                row.scheduledStart(),
                row.scheduledEnd(),
                row.timezone(),
                row.scheduledStart()
                        .atZone(ZoneId.of(row.candidate().timezone()))
                        .toOffsetDateTime(),
                row.meetingProvider(),
                row.meetingUrl(),
                row.location(),
                row.notes(),
                row.confirmedBy(),
                row.confirmedAt(),
                row.actualStart(),
                row.actualEnd(),
                row.cancellationReason(),
                row.cancelledAt(),
                row.rescheduleCount(),
                row.allowOverlap(),
                Duration.between(row.scheduledStart(), row.scheduledEnd()).toMinutes(),
                row.actualStart() != null && row.actualEnd() != null
                        ? Duration.between(row.actualStart(), row.actualEnd()).toMinutes()
                        : null,
                AHEAD.contains(row.status()) && row.scheduledStart().isAfter(now),
                row.scheduledEnd().isBefore(now),
                LocalDate.ofInstant(row.scheduledStart(), zone).equals(LocalDate.ofInstant(now, zone)),
                row.feedbackCount(),
                !row.interviewerIds().isEmpty()
                        && row.feedbackCount() >= row.interviewerIds().size(),
                row.createdAt(),
                row.updatedAt());
    }

    boolean involves(String userId) {
        return organizerId.equals(userId) || candidate.id().equals(userId) || interviewerIds.contains(userId);
    }

    /** A row of the read model. */
    record Row(
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
            Instant updatedAt) {}
}
