package io.onramp.workflow.domain;

import static io.onramp.workflow.domain.Workflows.twoByThree;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldStartAtVersionOneAndRiseWithEveryChange() {
        var groups = twoByThree().groups();
        var first = accepted(Definitions.define("acme", "onboarding", groups, "u-1", Optional.empty(), NOW));
        assertThat(first.version()).isEqualTo(1);

        var changed = List.of(groups.get(0));
        var second = accepted(Definitions.define("acme", "onboarding", changed, "u-1", Optional.of(first), NOW));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.groups()).isEqualTo(changed);
    }

    @Test
    void shouldKeepTheVersionWhenTheSameContentIsStoredAgain() {
        var first =
                accepted(Definitions.define("acme", "onboarding", twoByThree().groups(), "u-1", Optional.empty(), NOW));

        var again = accepted(Definitions.define(
                "acme", "onboarding", twoByThree().groups(), "u-2", Optional.of(first), NOW.plusSeconds(60)));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldNameEveryBrokenRuleByItsPath() {
        var groups = List.of(
                new GroupDefinition(
                        "apply",
                        "",
                        List.of(
                                new TaskDefinition("form", "Form", "", "", "https://evil.example/x", null),
                                new TaskDefinition("form", " ", "", "", "/ok", "not an event"))),
                new GroupDefinition("apply", "Again", List.of()),
                new GroupDefinition("Bad Key", "Title", List.of(Workflows.task("t", null))));

        assertThat(Definitions.validate(groups))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "groups[0].title",
                        "groups[0].tasks[0].link_url_path",
                        "groups[0].tasks[1].key",
                        "groups[0].tasks[1].title",
                        "groups[0].tasks[1].completes_on",
                        "groups[1].key",
                        "groups[1].tasks",
                        "groups[2].key");
        assertThat(Definitions.define("acme", "x", groups, "u-1", Optional.empty(), NOW))
                .isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void shouldRefuseAnEmptyDefinitionAndOversizedTexts() {
        assertThat(Definitions.validate(List.of())).extracting(Violation::field).containsExactly("groups");
        var longTitle = new TaskDefinition("t", "x".repeat(Definitions.MAX_TITLE + 1), "", "", "", null);
        assertThat(Definitions.validate(List.of(new GroupDefinition("g", "G", List.of(longTitle)))))
                .extracting(Violation::field)
                .containsExactly("groups[0].tasks[0].title");
    }

    @Test
    void shouldAcceptOnlyPathsOnTheFrontEndsOwnOrigin() {
        assertThat(Definitions.isRelativePath("/guest-application")).isTrue();
        assertThat(Definitions.isRelativePath("/schedule?kind=coordinator")).isTrue();
        assertThat(Definitions.isRelativePath("//evil.example/x")).isFalse();
        assertThat(Definitions.isRelativePath("javascript:alert(1)")).isFalse();
        assertThat(Definitions.isRelativePath("https://evil.example")).isFalse();
        assertThat(Definitions.isRelativePath("/a b")).isFalse();
        assertThat(Definitions.isRelativePath("/\\evil.example")).isFalse();
        assertThat(Definitions.isRelativePath("/apply?step=1&kind=a%20b#top")).isTrue();
        assertThat(Definitions.isRelativePath("/javascript:alert(1)")).isFalse();
        assertThat(Definitions.isRelativePath("/<script>alert(1)</script>")).isFalse();
        assertThat(Definitions.isRelativePath("/a\"onmouseover=\"x")).isFalse();
        assertThat(Definitions.isRelativePath("/a/../../admin")).isFalse();
        assertThat(Definitions.isRelativePath("/a/..")).isFalse();
        assertThat(Definitions.isRelativePath("/café")).isFalse();
    }

    @Test
    void shouldStoreTitlesDescriptionsAndLinkTextsAsPlainText() {
        var task = new TaskDefinition(
                "t",
                "<script>x</script>Apply",
                "<a href=javascript:alert(1)>Read</a> this",
                "<b>Go</b>",
                "/apply",
                null);
        var groups = List.of(new GroupDefinition("g", "<i>First</i> &amp; steps", List.of(task)));

        var stored = accepted(Definitions.define("acme", "texts", groups, "u-1", Optional.empty(), NOW));

        assertThat(stored.groups().get(0).title()).isEqualTo("First & steps");
        var kept = stored.groups().get(0).tasks().get(0);
        assertThat(List.of(kept.title(), kept.description(), kept.linkText()))
                .containsExactly("Apply", "Read this", "Go");
        assertThat(kept.linkUrlPath()).isEqualTo("/apply");
    }

    @Test
    void shouldRejectATitleThatIsOnlyMarkup() {
        var task = new TaskDefinition("t", "<script>alert(1)</script>", "", "", "", null);
        var decision = Definitions.define(
                "acme", "empty", List.of(new GroupDefinition("g", "G", List.of(task))), "u-1", Optional.empty(), NOW);
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(
                        ((Decision.Rejected<?>) rejected).violations())
                .extracting(Violation::field)
                .containsExactly("groups[0].tasks[0].title"));
    }

    private static WorkflowDefinition accepted(Decision<WorkflowDefinition> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<WorkflowDefinition>) decision).result();
    }
}
