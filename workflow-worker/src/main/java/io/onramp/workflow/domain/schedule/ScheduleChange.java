package io.onramp.workflow.domain.schedule;

/**
 * An accepted command: the interview after it, and what happened to it.
 *
 * @param feedbackFrom the interviewer whose feedback this was, for {@link Kind#FEEDBACK_SUBMITTED}
 */
public record ScheduleChange(ScheduledInterview interview, Kind kind, String feedbackFrom) {

    public enum Kind {
        SCHEDULED,
        CONFIRMED,
        STARTED,
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        RESCHEDULED,
        PANEL_CHANGED,
        FEEDBACK_SUBMITTED
    }
}
