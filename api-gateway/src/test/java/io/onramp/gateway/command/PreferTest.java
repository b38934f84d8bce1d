package io.onramp.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void withoutAPreferenceTheConfiguredBoundHolds() {
        assertThat(new Prefer(null).waitMillis(BOUND)).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=1", "WAIT=1", "wait = 1", "handling=lenient, wait=1", "wait=1; x", "wait=\"1\""})
    void aClientMayAskToWaitLess(String prefer) {
        assertThat(new Prefer(prefer).waitMillis(BOUND)).isEqualTo(1_000);
    }

    @Test
    void noClientWaitsLongerThanTheBound() {
        assertThat(new Prefer("wait=3600").waitMillis(BOUND)).isEqualTo(5_000);
    }

    @Test
    void zeroMeansAnswerAtOnce() {
        assertThat(new Prefer("wait=0").waitMillis(BOUND)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=-1", "wait=x", "wait=", "nowait=1", "wait=1.5", "garbage", "wait=99999999999"})
    void aMalformedPreferenceIsIgnored(String prefer) {
        assertThat(new Prefer(prefer).waitMillis(BOUND)).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"respond-async", "Respond-Async", "respond-async, wait=10", "wait=1; respond-async"})
    void aClientMayAskNotToWait(String prefer) {
        assertThat(new Prefer(prefer).respondAsync()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=1", "handling=strict", ""})
    void otherwiseTheReplyIsWaitedFor(String prefer) {
        assertThat(new Prefer(prefer).respondAsync()).isFalse();
    }
}
