package io.onramp.workflow.domain.schedule;

import java.util.List;

/**
 * An accepted command: the interview after it, and what happened to it.
 *
 * @param feedbackFrom the interviewer whose feedback this was, for {@link Kind#FEEDBACK_SUBMITTED}
 * @param joined who joined the panel, for {@link Kind#PANEL_CHANGED}
 * @param left who left the panel, for {@link Kind#PANEL_CHANGED}
 */
public record ScheduleChange(
        ScheduledInterview interview, Kind kind, String feedbackFrom, List<String> joined, List<String> left) {

    public ScheduleChange(ScheduledInterview interview, Kind kind, String feedbackFrom) {
        this(interview, kind, feedbackFrom, List.of(), List.of());
    }

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
