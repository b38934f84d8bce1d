package io.onramp.notification.domain;

import java.time.Instant;
import java.util.List;

/** An event some notifications come from. Its id, with a kind and a recipient, names each notification for good. */
public sealed interface SourceEvent {

    String id();

    String tenantId();

    Instant occurredAt();

    /** A change of a scheduled interview, from {@code schedule-events}. */
    record InterviewChanged(
            String id,
            String tenantId,
            Change change,
            Interview interview,
            List<String> withoutFeedback,
            List<String> joined,
            List<String> left,
            Instant occurredAt)
            implements SourceEvent {

        public InterviewChanged {
            withoutFeedback = List.copyOf(withoutFeedback);
            joined = List.copyOf(joined);
            left = List.copyOf(left);
        }

        /** The changes notifications follow; every other change is {@link #OTHER}. */
        public enum Change {
            SCHEDULED,
            RESCHEDULED,
            CANCELLED,
            COMPLETED,
            PANEL_CHANGED,
            OTHER
        }
    }

    /** A reminder that fired, from {@code reminders}; {@code label} is {@code 1day}, {@code 1hour} or {@code 15min}. */
    record ReminderFired(String id, String tenantId, String label, Interview interview, Instant occurredAt)
            implements SourceEvent {}

    /** A reviewer asked a guest for more information on a task, from {@code workflow-events}. */
    record TaskNeedsInformation(
            String id, String tenantId, String guestId, String taskKey, String note, Instant occurredAt)
            implements SourceEvent {}
}
