package io.onramp.notification.adapters.kafka;

import io.onramp.notification.domain.Candidate;
import io.onramp.notification.domain.Interview;
import io.onramp.notification.domain.SourceEvent;
import io.onramp.notification.domain.SourceEvent.InterviewChanged;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderInterview;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.ScheduleCandidate;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowStatus;
import java.util.Optional;

/** The public events notifications come from, as the domain sees them; events no notification follows are empty. */
final class SourceEvents {

    private SourceEvents() {}

    static Optional<SourceEvent> of(ScheduleEvent event) {
        InterviewChanged.Change change =
                switch (event.getType()) {
                    case SCHEDULED -> InterviewChanged.Change.SCHEDULED;
                    case RESCHEDULED -> InterviewChanged.Change.RESCHEDULED;
                    case CANCELLED -> InterviewChanged.Change.CANCELLED;
                    case COMPLETED -> InterviewChanged.Change.COMPLETED;
                    case PANEL_CHANGED -> InterviewChanged.Change.PANEL_CHANGED;
                    default -> InterviewChanged.Change.OTHER;
                };
        if (change == InterviewChanged.Change.OTHER) {
            return Optional.empty();
        }
        var interview = new Interview(
                event.getScheduleId(),
                event.getTitle(),
                event.getInterviewType(),
                event.getScheduledStart(),
                event.getScheduledEnd(),
                event.getTimezone(),
                event.getMeetingUrl(),
                event.getLocation(),
                candidate(event.getCandidate()),
                event.getOrganizerId(),
                event.getInterviewerIds(),
                event.getVersion(),
                event.getCancellationReason());
        return Optional.of(new InterviewChanged(
                event.getEventId(),
                event.getTenantId(),
                change,
                interview,
                event.getInterviewersWithoutFeedback(),
                event.getInterviewersAdded(),
                event.getInterviewersRemoved(),
                event.getOccurredAt()));
    }

    static Optional<SourceEvent> of(ReminderEvent event) {
        if (event.getStatus() != ReminderStatus.FIRED) {
            return Optional.empty();
        }
        ReminderInterview interview = event.getInterview();
        return Optional.of(new SourceEvent.ReminderFired(
                event.getTenantId() + "/" + event.getReminderId(),
                event.getTenantId(),
                label(event),
                new Interview(
                        event.getScheduleId(),
                        interview.getTitle(),
                        interview.getInterviewType(),
                        interview.getScheduledStart(),
                        interview.getScheduledEnd(),
                        interview.getTimezone(),
                        interview.getMeetingUrl(),
                        interview.getLocation(),
                        candidate(interview.getCandidate()),
                        interview.getOrganizerId(),
                        interview.getInterviewerIds(),
                        event.getVersion(),
                        null),
                event.getOccurredAt()));
    }

    static Optional<SourceEvent> of(WorkflowEvent event) {
        if (event.getType() != WorkflowEventType.TASK_STATUS_CHANGED
                || event.getToStatus() != WorkflowStatus.MORE_INFORMATION_NEEDED) {
            return Optional.empty();
        }
        return Optional.of(new SourceEvent.TaskNeedsInformation(
                event.getEventId(),
                event.getTenantId(),
                event.getGuestId(),
                event.getTaskKey(),
                event.getNote(),
                event.getOccurredAt()));
    }

    private static String label(ReminderEvent event) {
        return switch (event.getKind()) {
            case ONE_DAY -> "1day";
            case ONE_HOUR -> "1hour";
            case FIFTEEN_MINUTES -> "15min";
        };
    }

    private static Candidate candidate(ScheduleCandidate candidate) {
        return new Candidate(candidate.getId(), candidate.getName(), candidate.getEmail(), candidate.getTimezone());
    }
}
