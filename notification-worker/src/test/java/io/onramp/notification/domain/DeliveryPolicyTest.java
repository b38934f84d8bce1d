package io.onramp.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.notification.domain.DeliveryPolicy.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(4, Duration.ofSeconds(5), 3, Duration.ofSeconds(60));

    @Test
    void anAcceptedSendIsSent() {
        assertThat(policy.after(Outcome.ACCEPTED, 1, NOW, () -> 0.5))
                .isEqualTo(new DeliveryPolicy.Next(Status.SENT, null));
    }

    @Test
    void aPermanentRefusalIsDeadAtOnce() {
        assertThat(policy.after(Outcome.PERMANENT, 1, NOW, () -> 0.5).status()).isEqualTo(Status.DEAD);
    }

    @Test
    void anUnknownOutcomeIsNeverRetriedByItself() {
        var next = policy.after(Outcome.UNKNOWN, 1, NOW, () -> 0.5);
        assertThat(next.status()).isEqualTo(Status.UNKNOWN);
        assertThat(next.nextAttemptAt()).isNull();
    }

    @Test
    void aTransientFailureIsRetriedUntilTheLastTry() {
        var first = policy.after(Outcome.TRANSIENT, 1, NOW, () -> 0.0);
        assertThat(first.status()).isEqualTo(Status.FAILED);
        assertThat(first.nextAttemptAt()).isEqualTo(NOW.plusMillis(2_500));
        assertThat(policy.after(Outcome.TRANSIENT, 3, NOW, () -> 0.0).status()).isEqualTo(Status.FAILED);
        assertThat(policy.after(Outcome.TRANSIENT, 4, NOW, () -> 0.0).status()).isEqualTo(Status.DEAD);
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCapWithHalfOfItJittered() {
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(policy.backoff(1, 0.999999)).isBetween(Duration.ofMillis(4_999), Duration.ofSeconds(5));
        assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(7_500));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(22_500));
        assertThat(policy.backoff(4, 1.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(40, 1.0)).as("capped").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anImpossiblePolicyIsRefused() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
