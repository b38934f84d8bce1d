package io.onramp.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferWaitTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void withoutAPreferenceTheConfiguredBoundHolds() {
        assertThat(CommandBus.waitMillis(null, BOUND)).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=1", "WAIT=1", "wait = 1", "handling=lenient, wait=1", "wait=1; x", "wait=\"1\""})
    void aClientMayAskToWaitLess(String prefer) {
        assertThat(CommandBus.waitMillis(prefer, BOUND)).isEqualTo(1_000);
    }

    @Test
    void noClientWaitsLongerThanTheBound() {
        assertThat(CommandBus.waitMillis("wait=3600", BOUND)).isEqualTo(5_000);
    }

    @Test
    void zeroMeansAnswerAtOnce() {
        assertThat(CommandBus.waitMillis("wait=0", BOUND)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=-1", "wait=x", "wait=", "nowait=1", "wait=1.5", "garbage", "wait=99999999999"})
    void aMalformedPreferenceIsIgnored(String prefer) {
        assertThat(CommandBus.waitMillis(prefer, BOUND)).isEqualTo(5_000);
    }
}
