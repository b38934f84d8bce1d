package io.onramp.workflow.domain.schedule;

import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.NOW;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.draft;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.feedback;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.interview;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feedback: one per panel interviewer, at the right time, every field checked and sanitised. */
class FeedbackRulesTest {

    @Test
    void shouldTakeOneValidFeedbackPerPanelInterviewer() {
        var running = Optional.of(interview(ScheduleStatus.IN_PROGRESS));
        assertThat(reason(FeedbackRules.submitFeedback(running, "u-stranger", feedback(4, "yes"), NOW)))
                .isEqualTo(Decision.Reason.NO_ACCESS);
        for (int rating : new int[] {0, 6}) {
            assertThat(reason(FeedbackRules.submitFeedback(running, "u-7", feedback(rating, "yes"), NOW)))
                    .isEqualTo(Decision.Reason.INVALID);
        }
        assertThat(reason(FeedbackRules.submitFeedback(running, "u-7", feedback(4, null), NOW)))
                .isEqualTo(Decision.Reason.INVALID);
        assertThat(reason(FeedbackRules.submitFeedback(running, "u-7", feedback(null, "yes"), NOW)))
                .isEqualTo(Decision.Reason.INVALID);
        var custom = new FeedbackDraft(4, null, null, null, null, "yes", null, null, null, null, Map.of("sql", 9));
        assertThat(reason(FeedbackRules.submitFeedback(running, "u-7", custom, NOW)))
                .isEqualTo(Decision.Reason.INVALID);

        var first = ((Decision.Accepted<ScheduleChange>)
                        FeedbackRules.submitFeedback(running, "u-7", feedback(4, "strong_yes"), NOW))
                .result();
        assertThat(first.interview().allFeedbackSubmitted()).isFalse();
        assertThat(first.interview().interviewersWithoutFeedback()).containsExactly("u-9");
        assertThat(reason(FeedbackRules.submitFeedback(Optional.of(first.interview()), "u-7", feedback(5, "yes"), NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
        var second = ((Decision.Accepted<ScheduleChange>)
                        FeedbackRules.submitFeedback(Optional.of(first.interview()), "u-9", feedback(2, "no"), NOW))
                .result();
        assertThat(second.interview().allFeedbackSubmitted()).isTrue();
        assertThat(second.feedbackFrom()).isEqualTo("u-9");
    }

    @Test
    void shouldStripMarkupFromFeedbackTexts() {
        var draft = new FeedbackDraft(
                4, 5, null, null, null, "yes", "<script>x</script>Clear", "<b>Slow</b>", null, "<i>hire</i>", Map.of());
        var feedback = ((Decision.Accepted<ScheduleChange>) FeedbackRules.submitFeedback(
                        Optional.of(interview(ScheduleStatus.COMPLETED)), "u-7", draft, NOW))
                .result()
                .interview()
                .feedbackFrom("u-7")
                .orElseThrow();
        assertThat(feedback.strengths()).isEqualTo("Clear");
        assertThat(feedback.weaknesses()).isEqualTo("Slow");
        assertThat(feedback.privateNotes()).isEqualTo("hire");
    }
}
