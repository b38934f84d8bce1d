package io.onramp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.gateway.ops.LagRules.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    /** Samples every 10 s from T0, committed and end offsets pairwise. */
    private static List<Sample> samples(long[][] committedAndEnd) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < committedAndEnd.length; i++) {
            long committed = committedAndEnd[i][0];
            long end = committedAndEnd[i][1];
            samples.add(new Sample(T0.plusSeconds(10L * i), committed, end, end - committed));
        }
        return samples;
    }

    private static LagStatus full(long[][] committedAndEnd) {
        return LagRules.evaluate(samples(committedAndEnd), T0, WINDOW, true);
    }

    private static final long[][] STUCK = {{5, 10}, {5, 10}, {5, 11}, {5, 11}, {5, 12}, {5, 12}, {5, 12}};

    @Test
    void noSamplesIsOk() {
        assertThat(LagRules.evaluate(List.of(), T0, WINDOW, true)).isEqualTo(LagStatus.OK);
    }

    @Test
    void caughtUpIsOkEvenWithoutMembers() {
        assertThat(LagRules.evaluate(samples(new long[][] {{10, 10}}), T0, WINDOW, false))
                .isEqualTo(LagStatus.OK);
    }

    @Test
    void lagWithoutMembersIsStopAtOnce() {
        assertThat(LagRules.evaluate(samples(new long[][] {{5, 10}}), T0, WINDOW, false))
                .isEqualTo(LagStatus.STOP);
    }

    @Test
    void rewindIsErr() {
        assertThat(full(new long[][] {{5, 10}, {8, 12}, {6, 12}, {7, 12}, {8, 12}, {9, 12}, {10, 12}}))
                .isEqualTo(LagStatus.ERR);
    }

    @Test
    void aShortWindowIsNotJudged() {
        var stuck = samples(new long[][] {{5, 10}, {5, 10}, {5, 10}});
        assertThat(LagRules.evaluate(stuck, T0, WINDOW, true)).isEqualTo(LagStatus.OK);
    }

    @Test
    void aSingleSampleInAFullWindowIsNotJudged() {
        var one = List.of(new Sample(T0.plusSeconds(120), 5, 10, 5));
        assertThat(LagRules.evaluate(one, T0, WINDOW, true)).isEqualTo(LagStatus.OK);
    }

    @Test
    void committedNotMovingWithLagIsStall() {
        assertThat(full(STUCK)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void stallNeedsMembersOtherwiseStop() {
        assertThat(LagRules.evaluate(samples(STUCK), T0, WINDOW, false)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void zeroLagAnywhereInTheWindowIsOk() {
        assertThat(full(new long[][] {{5, 5}, {5, 10}, {5, 10}, {5, 11}, {5, 11}, {5, 12}, {5, 12}}))
                .isEqualTo(LagStatus.OK);
    }

    @Test
    void movingButNeverFallingIsWarn() {
        assertThat(full(new long[][] {{5, 10}, {6, 11}, {7, 13}, {8, 14}, {9, 15}, {10, 17}, {11, 18}}))
                .isEqualTo(LagStatus.WARN);
    }

    @Test
    void lagThatFellInOneIntervalIsOk() {
        assertThat(full(new long[][] {{5, 10}, {6, 11}, {9, 12}, {10, 14}, {11, 16}, {12, 18}, {13, 19}}))
                .isEqualTo(LagStatus.OK);
    }

    @Test
    void fallingLagIsOk() {
        assertThat(full(new long[][] {{0, 100}, {20, 100}, {40, 100}, {60, 100}, {80, 100}, {90, 100}, {95, 100}}))
                .isEqualTo(LagStatus.OK);
    }

    @Test
    void severityOrdersGroups() {
        assertThat(LagStatus.OK.worst(LagStatus.WARN)).isEqualTo(LagStatus.WARN);
        assertThat(LagStatus.STOP.worst(LagStatus.STALL)).isEqualTo(LagStatus.STOP);
        assertThat(LagStatus.ERR.worst(LagStatus.OK)).isEqualTo(LagStatus.ERR);
    }
}
