package io.onramp.reminder.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When one kind of reminder is due and how late it may still go out, each as a time before the interview's start.
 * The window exists because a reminder sent too late misleads ("in 1 hour" twenty minutes before): it is skipped.
 *
 * @param dueBefore the reminder is due this long before the start
 * @param opensBefore its window opens this long before the start (at or before the due time)
 * @param closesBefore its window closes this long before the start (after the due time)
 */
public record ReminderWindow(Duration dueBefore, Duration opensBefore, Duration closesBefore) {

    public ReminderWindow {
        if (closesBefore.isNegative()
                || closesBefore.compareTo(dueBefore) >= 0
                || dueBefore.compareTo(opensBefore) > 0) {
            throw new IllegalArgumentException(
                    "a reminder window needs opens-before >= due-before > closes-before >= 0," + " got " + opensBefore
                            + " / " + dueBefore + " / " + closesBefore);
        }
    }

    Instant dueAt(Instant start) {
        return start.minus(dueBefore);
    }

    Instant opensAt(Instant start) {
        return start.minus(opensBefore);
    }

    Instant closesAt(Instant start) {
        return start.minus(closesBefore);
    }
}
