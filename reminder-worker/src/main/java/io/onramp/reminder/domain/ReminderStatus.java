package io.onramp.reminder.domain;

/** Where a reminder stands; only {@link #ARMED} may still change. */
public enum ReminderStatus {
    ARMED,
    FIRED,
    SKIPPED,
    CANCELLED
}
