package io.onramp.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.access.domain.Attempt.Status;
import io.onramp.domain.Decision;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final InterviewSpec TIMED = new InterviewSpec("Screen", null, 1800, false, true);
    private static final InterviewSpec OPEN_ENDED = new InterviewSpec("Screen", null, 1800, false, false);
    private static final InterviewSpec DEFAULT_ACCESS = new InterviewSpec("Screen", null, 1800, true, true);

    @Test
    void shouldStartWithAGrantAndScheduleTheEndAfterTheDuration() {
        var attempt = accepted(start(Optional.of(TIMED), true));

        assertThat(attempt.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(attempt.start()).isEqualTo(NOW);
        assertThat(attempt.scheduledEnd()).isEqualTo(NOW.plusSeconds(1800));
        assertThat(attempt.end()).isNull();
        assertThat(attempt.version()).isEqualTo(1);
    }

    @Test
    void shouldNotScheduleAnEndWhenTheInterviewDoesNotEndAfterItsDuration() {
        assertThat(accepted(start(Optional.of(OPEN_ENDED), true)).scheduledEnd())
                .isNull();
    }

    @Test
    void shouldStartWithoutAGrantWhenTheInterviewAllowsDefaultAccess() {
        assertThat(start(Optional.of(DEFAULT_ACCESS), false)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void shouldDenyAccessWithoutAGrant() {
        assertThat(reason(start(Optional.of(TIMED), false))).isEqualTo(Decision.Reason.NO_ACCESS);
    }

    @Test
    void shouldAnswerNotFoundForAnInterviewOutsideTheTenant() {
        assertThat(reason(start(Optional.empty(), true))).isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldCheckTheInterviewBeforeTheGrant() {
        assertThat(reason(start(Optional.empty(), false))).isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldRejectARepeatedAttemptId() {
        var existing = accepted(start(Optional.of(TIMED), true));

        var again = AttemptRules.start(
                "acme", "a-1", "i-1", "u-1", Optional.of(TIMED), true, Optional.of(existing), NOW.plusSeconds(1));

        assertThat(reason(again)).isEqualTo(Decision.Reason.CONFLICT);
    }

    @Test
    void shouldResumeAnAttemptBeforeItsScheduledEnd() {
        var attempt = accepted(start(Optional.of(TIMED), true));

        assertThat(accepted(AttemptRules.resume(Optional.of(attempt), NOW.plusSeconds(1799))))
                .isEqualTo(attempt);
    }

    @Test
    void shouldRefuseToResumeAtOrPastTheScheduledEnd() {
        var attempt = accepted(start(Optional.of(TIMED), true));

        assertThat(reason(AttemptRules.resume(Optional.of(attempt), NOW.plusSeconds(1800))))
                .isEqualTo(Decision.Reason.CONFLICT);
    }

    @Test
    void shouldResumeAnOpenEndedAttemptAnyTime() {
        var attempt = accepted(start(Optional.of(OPEN_ENDED), true));

        assertThat(AttemptRules.resume(Optional.of(attempt), NOW.plusSeconds(86_400 * 30)))
                .isInstanceOf(Decision.Accepted.class);
    }

    @ParameterizedTest
    @CsvSource({
        "IN_PROGRESS, COMPLETED, true",
        "IN_PROGRESS, ARCHIVED, true",
        "IN_PROGRESS, IN_PROGRESS, false",
        "COMPLETED, COMPLETED, false",
        "COMPLETED, ARCHIVED, true",
        "COMPLETED, IN_PROGRESS, false",
        "ARCHIVED, COMPLETED, false",
        "ARCHIVED, ARCHIVED, false",
        "ARCHIVED, IN_PROGRESS, false",
        "IN_PROGRESS, EXPIRED, false",
        "COMPLETED, EXPIRED, false",
        "ARCHIVED, EXPIRED, false",
        "EXPIRED, COMPLETED, false",
        "EXPIRED, ARCHIVED, true",
        "EXPIRED, IN_PROGRESS, false",
        "EXPIRED, EXPIRED, false"
    })
    void shouldAllowOnlyTheStatusChangesOfTheLifecycle(Status from, Status to, boolean allowed) {
        var attempt = withStatus(from);

        var decision = AttemptRules.changeStatus(Optional.of(attempt), to, NOW.plusSeconds(60));

        assertThat(decision instanceof Decision.Accepted).isEqualTo(allowed);
        if (allowed) {
            var changed = accepted(decision);
            assertThat(changed.status()).isEqualTo(to);
            assertThat(changed.version()).isEqualTo(attempt.version() + 1);
            assertThat(changed.end()).isNotNull();
        } else {
            assertThat(reason(decision)).isEqualTo(Decision.Reason.CONFLICT);
        }
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED", "ARCHIVED", "EXPIRED"})
    void shouldRefuseToResumeAnEndedAttempt(Status status) {
        assertThat(reason(AttemptRules.resume(Optional.of(withStatus(status)), NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
    }

    @Test
    void shouldExpireAnAttemptInProgressAtItsScheduledEndEndingItThen() {
        var attempt = timed(Status.IN_PROGRESS, NOW.plusSeconds(60));

        var expired = AttemptRules.expire(attempt, NOW.plusSeconds(61)).orElseThrow();

        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThat(expired.end()).isEqualTo(NOW.plusSeconds(60));
        assertThat(expired.version()).isEqualTo(attempt.version() + 1);
        assertThat(expired.updatedAt()).isEqualTo(NOW.plusSeconds(61));
        assertThat(AttemptRules.awaitsScheduledEnd(expired)).isFalse();
    }

    @Test
    void shouldNotExpireBeforeTheScheduledEnd() {
        assertThat(AttemptRules.expire(timed(Status.IN_PROGRESS, NOW.plusSeconds(60)), NOW.plusSeconds(59)))
                .isEmpty();
        assertThat(AttemptRules.expire(timed(Status.IN_PROGRESS, NOW.plusSeconds(60)), NOW.plusSeconds(60)))
                .isPresent();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED", "ARCHIVED", "EXPIRED"})
    void shouldNotExpireAnAttemptThatEndedOtherwise(Status status) {
        var attempt = timed(status, NOW);

        assertThat(AttemptRules.expire(attempt, NOW.plusSeconds(3600))).isEmpty();
        assertThat(AttemptRules.awaitsScheduledEnd(attempt)).isFalse();
    }

    @Test
    void shouldNotExpireADeletedOrOpenEndedAttempt() {
        var deleted = accepted(AttemptRules.delete(Optional.of(timed(Status.IN_PROGRESS, NOW)), NOW));

        assertThat(AttemptRules.expire(deleted, NOW.plusSeconds(3600))).isEmpty();
        assertThat(AttemptRules.expire(withStatus(Status.IN_PROGRESS), NOW.plusSeconds(3600)))
                .isEmpty();
        assertThat(AttemptRules.awaitsScheduledEnd(deleted)).isFalse();
        assertThat(AttemptRules.awaitsScheduledEnd(timed(Status.IN_PROGRESS, NOW)))
                .isTrue();
    }

    @Test
    void shouldKeepTheCompletionTimeWhenArchivingACompletedAttempt() {
        var completed = accepted(AttemptRules.changeStatus(
                Optional.of(withStatus(Status.IN_PROGRESS)), Status.COMPLETED, NOW.plusSeconds(10)));

        var archived =
                accepted(AttemptRules.changeStatus(Optional.of(completed), Status.ARCHIVED, NOW.plusSeconds(99)));

        assertThat(archived.end()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void shouldSoftDeleteAndThenTreatTheAttemptAsMissing() {
        var deleted = accepted(AttemptRules.delete(Optional.of(withStatus(Status.COMPLETED)), NOW));

        assertThat(deleted.deleted()).isTrue();
        assertThat(reason(AttemptRules.delete(Optional.of(deleted), NOW))).isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(AttemptRules.resume(Optional.of(deleted), NOW))).isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(AttemptRules.changeStatus(Optional.of(deleted), Status.ARCHIVED, NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldAnswerNotFoundForAMissingAttempt() {
        assertThat(reason(AttemptRules.resume(Optional.empty(), NOW))).isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(AttemptRules.changeStatus(Optional.empty(), Status.COMPLETED, NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(AttemptRules.delete(Optional.empty(), NOW))).isEqualTo(Decision.Reason.NOT_FOUND);
    }

    private static Decision<Attempt> start(Optional<InterviewSpec> interview, boolean granted) {
        return AttemptRules.start("acme", "a-1", "i-1", "u-1", interview, granted, Optional.empty(), NOW);
    }

    private static Attempt withStatus(Status status) {
        return new Attempt("acme", "a-1", "i-1", "u-1", status, NOW, null, null, false, 3, NOW);
    }

    private static Attempt timed(Status status, Instant scheduledEnd) {
        return new Attempt("acme", "a-1", "i-1", "u-1", status, NOW, scheduledEnd, null, false, 3, NOW);
    }

    private static Attempt accepted(Decision<Attempt> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<Attempt>) decision).result();
    }

    private static Decision.Reason reason(Decision<Attempt> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<Attempt>) decision).reason();
    }
}
