package io.onramp.workflow.domain.schedule;

import java.util.Locale;

/** The lifecycle of a scheduled interview (DESIGN.md §7). */
public enum ScheduleStatus {
    SCHEDULED,
    CONFIRMED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    NO_SHOW,
    RESCHEDULED;

    /** Nothing moves a final interview, and it books no one. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == NO_SHOW;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
