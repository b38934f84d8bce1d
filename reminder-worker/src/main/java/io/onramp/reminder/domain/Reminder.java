package io.onramp.reminder.domain;

import java.time.Instant;

/**
 * One reminder of one scheduled interview.
 *
 * @param version the schedule version at which the interview's times were last set
 * @param firedAt when it fired, else null
 */
public record Reminder(
        ReminderKind kind,
        long version,
        ReminderStatus status,
        Instant dueAt,
        Instant windowStart,
        Instant windowEnd,
        Instant firedAt) {

    /** {@code <schedule_id>:<kind>:<version>}: one reminder of each kind per version of the interview's times. */
    public String id(String scheduleId) {
        return scheduleId + ":" + kind.label() + ":" + version;
    }

    public boolean armed() {
        return status == ReminderStatus.ARMED;
    }

    Reminder with(ReminderStatus newStatus, Instant newFiredAt) {
        return new Reminder(kind, version, newStatus, dueAt, windowStart, windowEnd, newFiredAt);
    }
}
