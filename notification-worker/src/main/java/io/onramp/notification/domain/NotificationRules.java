package io.onramp.notification.domain;

import io.onramp.notification.domain.SourceEvent.InterviewChanged;
import io.onramp.notification.domain.SourceEvent.ReminderFired;
import io.onramp.notification.domain.SourceEvent.TaskNeedsInformation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears about what (DESIGN.md §7 Notifications): a scheduled, rescheduled or cancelled interview → its candidate,
 * every interviewer and the organizer; a reminder → the candidate and every interviewer; a completed interview → a
 * feedback request to each interviewer who has not given feedback; a panel change → an invitation to who joined and a
 * cancellation to who left; a task that needs more information → the guest. A person named twice (an organizer who
 * is also on the panel) hears once.
 */
public final class NotificationRules {

    private NotificationRules() {}

    public static List<NotificationRequest> requestsFor(SourceEvent event) {
        var requests = new Requests(event);
        if (event instanceof InterviewChanged changed) {
            interviewChanged(changed, requests);
        } else if (event instanceof ReminderFired reminder) {
            Interview interview = reminder.interview();
            requests.add(
                    NotificationKind.INTERVIEW_REMINDER,
                    Role.CANDIDATE,
                    interview.candidate().id());
            requests.addAll(NotificationKind.INTERVIEW_REMINDER, Role.INTERVIEWER, interview.interviewerIds());
        } else if (event instanceof TaskNeedsInformation task) {
            requests.add(NotificationKind.MORE_INFORMATION_NEEDED, Role.GUEST, task.guestId());
        }
        return requests.list;
    }

    private static void interviewChanged(InterviewChanged changed, Requests requests) {
        Interview interview = changed.interview();
        NotificationKind everyone =
                switch (changed.change()) {
                    case SCHEDULED -> NotificationKind.INTERVIEW_SCHEDULED;
                    case RESCHEDULED -> NotificationKind.INTERVIEW_RESCHEDULED;
                    case CANCELLED -> NotificationKind.INTERVIEW_CANCELLED;
                    default -> null;
                };
        if (everyone != null) {
            requests.add(everyone, Role.CANDIDATE, interview.candidate().id());
            requests.addAll(everyone, Role.INTERVIEWER, interview.interviewerIds());
            requests.add(everyone, Role.ORGANIZER, interview.organizerId());
        } else if (changed.change() == InterviewChanged.Change.COMPLETED) {
            requests.addAll(NotificationKind.FEEDBACK_REQUEST, Role.INTERVIEWER, changed.withoutFeedback());
        } else if (changed.change() == InterviewChanged.Change.PANEL_CHANGED) {
            requests.addAll(NotificationKind.PANEL_INVITATION, Role.INTERVIEWER, changed.joined());
            requests.addAll(NotificationKind.PANEL_REMOVAL, Role.INTERVIEWER, changed.left());
        }
    }

    /**
     * The notification id: a name-based UUID of the source event's id, the kind and the recipient, so that a
     * redelivered event names the same notifications.
     */
    public static UUID id(String sourceId, NotificationKind kind, String recipientId) {
        String name = sourceId + "\n" + kind.label() + "\n" + recipientId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Requests {

        private final SourceEvent source;
        private final Set<String> seen = new LinkedHashSet<>();
        private final List<NotificationRequest> list = new ArrayList<>();

        Requests(SourceEvent source) {
            this.source = source;
        }

        void addAll(NotificationKind kind, Role role, List<String> recipients) {
            recipients.forEach(recipient -> add(kind, role, recipient));
        }

        void add(NotificationKind kind, Role role, String recipientId) {
            if (recipientId == null || recipientId.isBlank() || !seen.add(kind + "\n" + recipientId)) {
                return;
            }
            list.add(new NotificationRequest(id(source.id(), kind, recipientId), kind, role, recipientId, source));
        }
    }
}
