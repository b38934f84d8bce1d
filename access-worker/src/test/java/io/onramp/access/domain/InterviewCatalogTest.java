package io.onramp.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterviewCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldCreateAnInterviewAtVersionOne() {
        var decision =
                InterviewCatalog.create("acme", "i-1", spec("Backend screen", 1800), "u-1", Optional.empty(), NOW);

        assertThat(decision)
                .isEqualTo(new Decision.Accepted<>(
                        new Interview("acme", "i-1", spec("Backend screen", 1800), 1, "u-1", NOW, NOW)));
    }

    @Test
    void shouldRejectAnIdAlreadyInTheCatalogueAsAConflict() {
        var existing = new Interview("acme", "i-1", spec("Old", 60), 1, "u-0", NOW, NOW);

        var decision = InterviewCatalog.create(
                "acme", "i-1", spec("New", 60), "u-1", Optional.of(existing), NOW.plusSeconds(1));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(rejected.reason())
                .isEqualTo(Decision.Reason.CONFLICT));
    }

    @Test
    void shouldStoreTitleAndDescriptionAsPlainText() {
        var marked = new InterviewSpec(
                "<script>alert(1)</script>Backend <b>screen</b>",
                "<img src=x onerror=alert(1)>SQL &amp; APIs",
                60,
                false,
                false);

        var decision = InterviewCatalog.create("acme", "i-1", marked, "u-1", Optional.empty(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Accepted.class, accepted -> {
            var spec = ((Interview) accepted.result()).spec();
            assertThat(spec.title()).isEqualTo("Backend screen");
            assertThat(spec.description()).isEqualTo("SQL & APIs");
        });
    }

    @Test
    void shouldRejectATitleThatIsOnlyMarkup() {
        var decision = InterviewCatalog.create(
                "acme",
                "i-1",
                new InterviewSpec("<script>x</script>", null, 60, false, false),
                "u-1",
                Optional.empty(),
                NOW);
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(rejected.reason())
                .isEqualTo(Decision.Reason.INVALID));
    }

    @Test
    void shouldRejectABlankTitle() {
        assertThat(InterviewCatalog.validate(spec("  ", 60)))
                .containsExactly(new Violation("title", "must not be blank"));
    }

    @Test
    void shouldRejectATitleLongerThanTheLimit() {
        assertThat(InterviewCatalog.validate(spec("x".repeat(InterviewCatalog.MAX_TITLE_LENGTH + 1), 60)))
                .extracting(Violation::field)
                .containsExactly("title");
    }

    @Test
    void shouldAcceptATitleOfExactlyTheLimit() {
        assertThat(InterviewCatalog.validate(spec("x".repeat(InterviewCatalog.MAX_TITLE_LENGTH), 60)))
                .isEmpty();
    }

    @Test
    void shouldRejectAZeroOrTooLongDuration() {
        assertThat(InterviewCatalog.validate(spec("t", 0)))
                .extracting(Violation::field)
                .containsExactly("duration_seconds");
        assertThat(InterviewCatalog.validate(spec("t", InterviewCatalog.MAX_DURATION_SECONDS + 1)))
                .extracting(Violation::field)
                .containsExactly("duration_seconds");
    }

    @Test
    void shouldRejectATooLongDescription() {
        var spec = new InterviewSpec("t", "d".repeat(InterviewCatalog.MAX_DESCRIPTION_LENGTH + 1), 60, false, false);

        assertThat(InterviewCatalog.validate(spec)).extracting(Violation::field).containsExactly("description");
    }

    @Test
    void shouldReportEveryViolatedFieldAtOnce() {
        var decision = InterviewCatalog.create("acme", "i-1", spec("", -5), "u-1", Optional.empty(), NOW);

        assertThat(decision)
                .isEqualTo(new Decision.Rejected<>(
                        Decision.Reason.INVALID,
                        "Validation failed",
                        List.of(
                                new Violation("title", "must not be blank"),
                                new Violation("duration_seconds", "must be between 1 and 604800"))));
    }

    @Test
    void shouldValidateBeforeCheckingForAConflict() {
        var existing = new Interview("acme", "i-1", spec("Old", 60), 1, "u-0", NOW, NOW);

        var decision = InterviewCatalog.create("acme", "i-1", spec("", 60), "u-1", Optional.of(existing), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(rejected.reason())
                .isEqualTo(Decision.Reason.INVALID));
    }

    private static InterviewSpec spec(String title, int durationSeconds) {
        return new InterviewSpec(title, null, durationSeconds, false, true);
    }

    @Test
    void shouldUpdateKeepingIdentityAndRaisingTheVersion() {
        var existing = new Interview("acme", "i-1", spec("Old", 60), 3, "u-0", NOW, NOW);

        var decision = InterviewCatalog.update(Optional.of(existing), spec("New", 120), NOW.plusSeconds(5));

        assertThat(decision)
                .isEqualTo(new Decision.Accepted<>(
                        new Interview("acme", "i-1", spec("New", 120), 4, "u-0", NOW, NOW.plusSeconds(5))));
    }

    @Test
    void shouldNotUpdateAnUnknownInterview() {
        assertThat(InterviewCatalog.update(Optional.empty(), spec("New", 120), NOW))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Decision.Reason.NOT_FOUND));
    }

    @Test
    void shouldNotUpdateToAnInvalidDefinition() {
        var existing = new Interview("acme", "i-1", spec("Old", 60), 3, "u-0", NOW, NOW);

        assertThat(InterviewCatalog.update(Optional.of(existing), spec("", 120), NOW))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Decision.Reason.INVALID));
    }
}
