package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KafkaStreamsHealthTest {

    @Test
    void runningWithTasksIsReady() {
        assertThat(KafkaStreamsHealth.isUp(State.RUNNING, 3, false)).isTrue();
    }

    @Test
    void runningWithoutATaskIsNotReadyYet() {
        assertThat(KafkaStreamsHealth.isUp(State.RUNNING, 0, false)).isFalse();
    }

    @Test
    void aReadyAppStaysUpThroughARebalanceAndALaterEmptyAssignment() {
        assertThat(KafkaStreamsHealth.isUp(State.REBALANCING, 0, true)).isTrue();
        assertThat(KafkaStreamsHealth.isUp(State.RUNNING, 0, true)).isTrue();
    }

    @Test
    void theFirstRebalanceIsNotReady() {
        assertThat(KafkaStreamsHealth.isUp(State.REBALANCING, 0, false)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = State.class,
            names = {"CREATED", "PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"})
    void anAppNotRunningIsDownWhateverCameBefore(State state) {
        assertThat(KafkaStreamsHealth.isUp(state, 0, true)).isFalse();
        assertThat(KafkaStreamsHealth.isUp(state, 0, false)).isFalse();
    }
}
