package io.onramp.reminder.domain;

/**
 * One change of a scheduled interview, as published on {@code schedule-events}.
 *
 * @param version the schedule's version after the change (every change raises it)
 * @param rescheduleCount how often its times were changed since it was scheduled
 */
public record ScheduleChange(
        Type type, InterviewStatus status, long version, int rescheduleCount, Interview interview) {

    public enum Type {
        SCHEDULED,
        CONFIRMED,
        STARTED,
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        RESCHEDULED,
        PANEL_CHANGED,
        FEEDBACK_SUBMITTED;

        /** The interview's times were set by this change: reminders are (re-)armed at its version. */
        boolean setsTimes() {
            return this == SCHEDULED || this == RESCHEDULED;
        }
    }

    public enum InterviewStatus {
        SCHEDULED,
        CONFIRMED,
        IN_PROGRESS,
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        RESCHEDULED;

        /**
         * Nothing is reminded of an interview that is final, nor of one that has started: a reminder of its start
         * would only mislead.
         */
        boolean endsReminders() {
            return this != SCHEDULED && this != CONFIRMED && this != RESCHEDULED;
        }
    }
}
