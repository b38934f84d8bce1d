package io.onramp.notification.domain;

import static io.onramp.notification.domain.Examples.NOW;
import static io.onramp.notification.domain.Examples.changed;
import static io.onramp.notification.domain.Examples.interview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.onramp.notification.domain.SourceEvent.InterviewChanged.Change;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationRulesTest {

    @ParameterizedTest
    @CsvSource({"SCHEDULED, INTERVIEW_SCHEDULED", "RESCHEDULED, INTERVIEW_RESCHEDULED", "CANCELLED, INTERVIEW_CANCELLED"
    })
    void aChangeOfTimesReachesTheCandidateEveryInterviewerAndTheOrganizer(Change change, NotificationKind kind) {
        var requests = NotificationRules.requestsFor(changed(change, interview("u-7", "u-9")));
        assertThat(requests)
                .extracting(NotificationRequest::kind, NotificationRequest::role, NotificationRequest::recipientId)
                .containsExactly(
                        tuple(kind, Role.CANDIDATE, "c-1"),
                        tuple(kind, Role.INTERVIEWER, "u-7"),
                        tuple(kind, Role.INTERVIEWER, "u-9"),
                        tuple(kind, Role.ORGANIZER, "u-1"));
    }

    @Test
    void anOrganizerOnThePanelHearsOnce() {
        var requests = NotificationRules.requestsFor(changed(Change.SCHEDULED, interview("u-1", "u-7")));
        assertThat(requests).extracting(NotificationRequest::recipientId).containsExactly("c-1", "u-1", "u-7");
        assertThat(requests.get(1).role()).isEqualTo(Role.INTERVIEWER);
    }

    @Test
    void aCompletedInterviewAsksEachInterviewerWithoutFeedback() {
        var requests = NotificationRules.requestsFor(changed(
                Change.COMPLETED, interview("u-7", "u-9", "u-11"), List.of("u-9", "u-11"), List.of(), List.of()));
        assertThat(requests)
                .extracting(NotificationRequest::kind, NotificationRequest::recipientId)
                .containsExactly(
                        tuple(NotificationKind.FEEDBACK_REQUEST, "u-9"),
                        tuple(NotificationKind.FEEDBACK_REQUEST, "u-11"));
    }

    @Test
    void aCompletedInterviewWithAllFeedbackAsksNobody() {
        assertThat(NotificationRules.requestsFor(changed(Change.COMPLETED, interview("u-7"))))
                .isEmpty();
    }

    @Test
    void aPanelChangeInvitesWhoJoinedAndCancelsForWhoLeft() {
        var joined = NotificationRules.requestsFor(changed(
                Change.PANEL_CHANGED,
                interview(Examples.START, 3, "u-7", "u-11"),
                List.of(),
                List.of("u-11"),
                List.of()));
        assertThat(joined)
                .extracting(NotificationRequest::kind, NotificationRequest::recipientId)
                .containsExactly(tuple(NotificationKind.PANEL_INVITATION, "u-11"));
        var left = NotificationRules.requestsFor(changed(
                Change.PANEL_CHANGED, interview(Examples.START, 4, "u-7"), List.of(), List.of(), List.of("u-11")));
        assertThat(left)
                .extracting(NotificationRequest::kind, NotificationRequest::recipientId)
                .containsExactly(tuple(NotificationKind.PANEL_REMOVAL, "u-11"));
    }

    @Test
    void otherChangesNotifyNobody() {
        assertThat(NotificationRules.requestsFor(changed(Change.OTHER, interview("u-7"))))
                .isEmpty();
    }

    @Test
    void aFiredReminderReachesTheCandidateAndEveryInterviewerButNotTheOrganizer() {
        var reminder = new SourceEvent.ReminderFired("acme/s-1:1hour:1", "acme", "1hour", interview("u-7", "u-9"), NOW);
        assertThat(NotificationRules.requestsFor(reminder))
                .extracting(NotificationRequest::kind, NotificationRequest::recipientId)
                .containsExactly(
                        tuple(NotificationKind.INTERVIEW_REMINDER, "c-1"),
                        tuple(NotificationKind.INTERVIEW_REMINDER, "u-7"),
                        tuple(NotificationKind.INTERVIEW_REMINDER, "u-9"));
    }

    @Test
    void aTaskNeedingInformationReachesTheGuest() {
        var task =
                new SourceEvent.TaskNeedsInformation("acme/g-1/1/3", "acme", "g-1", "application", "Add payslips", NOW);
        assertThat(NotificationRules.requestsFor(task))
                .extracting(NotificationRequest::kind, NotificationRequest::role, NotificationRequest::recipientId)
                .containsExactly(tuple(NotificationKind.MORE_INFORMATION_NEEDED, Role.GUEST, "g-1"));
    }

    @Test
    void idsAreTheSameForTheSameEventKindAndRecipientAndDifferOtherwise() {
        var event = changed(Change.SCHEDULED, interview("u-7"));
        var once = NotificationRules.requestsFor(event);
        var again = NotificationRules.requestsFor(event);
        assertThat(once)
                .extracting(NotificationRequest::id)
                .isEqualTo(again.stream().map(NotificationRequest::id).toList());
        assertThat(once).extracting(NotificationRequest::id).doesNotHaveDuplicates();
        var later = NotificationRules.requestsFor(changed(Change.RESCHEDULED, interview(Examples.START, 2, "u-7")));
        assertThat(later.get(0).id()).isNotEqualTo(once.get(0).id());
        assertThat(NotificationRules.id("e", NotificationKind.INTERVIEW_REMINDER, "u-7"))
                .isNotEqualTo(NotificationRules.id("e", NotificationKind.FEEDBACK_REQUEST, "u-7"));
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void onlyChangesOfTimesOrPanelCarryAnInvite(NotificationKind kind) {
        boolean carries =
                switch (kind) {
                    case INTERVIEW_SCHEDULED,
                            INTERVIEW_RESCHEDULED,
                            INTERVIEW_CANCELLED,
                            PANEL_INVITATION,
                            PANEL_REMOVAL -> true;
                    default -> false;
                };
        assertThat(kind.invite() != NotificationKind.Invite.NONE).isEqualTo(carries);
    }
}
