package io.onramp.workflow.domain.schedule;

import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.END;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.NOW;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.START;
import static io.onramp.workflow.domain.schedule.ScheduleRulesTest.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Templates: defined per type, and filling what a request leaves out. */
class ScheduleTemplatesTest {

    @Test
    void shouldDefineTemplatesAndFillWhatARequestLeavesOut() {
        var template = ((Decision.Accepted<ScheduleTemplate>) ScheduleTemplates.defineTemplate(
                        "acme", "screen", "phone", 45, "<b>Phone</b> screen", Optional.empty(), NOW))
                .result();
        assertThat(template.title()).isEqualTo("Phone screen");
        assertThat(template.version()).isEqualTo(1);
        var again = ((Decision.Accepted<ScheduleTemplate>) ScheduleTemplates.defineTemplate(
                        "acme", "screen", "video", 30, null, Optional.of(template), NOW))
                .result();
        assertThat(again.version()).isEqualTo(2);

        var bare = new ScheduleDraft(
                null,
                null,
                "c-1",
                "Casey",
                "c@example.com",
                "Asia/Tokyo",
                List.of(),
                START,
                null,
                "America/Toronto",
                "zoom",
                null,
                null,
                null,
                false);
        var filled = ScheduleTemplates.withTemplate(bare, template);
        assertThat(filled.interviewType()).isEqualTo("phone");
        assertThat(filled.title()).isEqualTo("Phone screen");
        assertThat(filled.scheduledEnd()).isEqualTo(START.plusSeconds(45 * 60));
        var explicit = ScheduleTemplates.withTemplate(draft(), template);
        assertThat(explicit.interviewType()).isEqualTo("technical");
        assertThat(explicit.scheduledEnd()).isEqualTo(END);

        var invalid = (Decision.Rejected<ScheduleTemplate>)
                ScheduleTemplates.defineTemplate("acme", "Bad Id", "lunch", 2, null, Optional.empty(), NOW);
        assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("template_id", "interview_type", "duration_minutes");
    }
}
