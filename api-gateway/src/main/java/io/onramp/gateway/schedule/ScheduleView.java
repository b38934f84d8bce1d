package io.onramp.gateway.schedule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A scheduled interview as the API shows it (seeds/003 field names), with the values computed at read time:
 * durations, whether it is upcoming, past or today (in the interview's time zone), and the start in the candidate's.
 */
record ScheduleView(
        @JsonUnwrapped Schedule schedule,
        OffsetDateTime candidateLocalStart,
        long durationMinutes,
        Long actualDurationMinutes,
        boolean isUpcoming,
        boolean isPast,
        boolean isToday,
        boolean allFeedbackSubmitted) {

    private static final Set<String> AHEAD = Set.of("scheduled", "confirmed", "rescheduled");

    /** The stored interview, with the computed values as of {@code now}. */
    static ScheduleView of(Schedule schedule, Instant now) {
        ZoneId zone = ZoneId.of(schedule.timezone());
        return new ScheduleView(
                schedule,
                schedule.scheduledStart()
                        .atZone(ZoneId.of(schedule.candidate().timezone()))
                        .toOffsetDateTime(),
                Duration.between(schedule.scheduledStart(), schedule.scheduledEnd())
                        .toMinutes(),
                schedule.actualStart() != null && schedule.actualEnd() != null
                        ? Duration.between(schedule.actualStart(), schedule.actualEnd())
                                .toMinutes()
                        : null,
                AHEAD.contains(schedule.status()) && schedule.scheduledStart().isAfter(now),
                schedule.scheduledEnd().isBefore(now),
                LocalDate.ofInstant(schedule.scheduledStart(), zone).equals(LocalDate.ofInstant(now, zone)),
                !schedule.interviewerIds().isEmpty()
                        && schedule.feedbackCount() >= schedule.interviewerIds().size());
    }
}
