package io.onramp.workflow.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of single fields that the other rules' tests do not reach one by one. */
class ScheduleFieldsTest {

    @Test
    void shouldAcceptOnlyHttpMeetingUrls() {
        for (String url : List.of("ftp://x.example/a", "//zoom.us/j/1", "https://", "data:text/html,hi")) {
            List<Violation> violations = new ArrayList<>();
            ScheduleFields.meetingUrl(violations, url);
            assertThat(violations).as(url).hasSize(1);
        }
        List<Violation> none = new ArrayList<>();
        assertThat(ScheduleFields.meetingUrl(none, "https://zoom.us/j/1")).isEqualTo("https://zoom.us/j/1");
        assertThat(ScheduleFields.meetingUrl(none, "HTTP://meet.example/x")).isNotNull();
        assertThat(none).isEmpty();
    }
}
