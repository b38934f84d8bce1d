package io.onramp.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer store and its punctuation, on in-memory stores of a {@link MockProcessorContext}. */
class TimersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<Timer<String>> fired = new ArrayList<>();
    private Timers<String> timers;

    @BeforeEach
    void timerStore() {
        InMemoryTimerStores.register(context, "t");
        timers = Timers.of(context, "t", Serdes.String());
        TimerPunctuation.schedule(context, timers, new TimerSettings(Duration.ofMillis(100), 3), clock, fired::add);
    }

    @Test
    void shouldFireNothingBeforeItIsDue() {
        timers.arm("a", NOW.plusMillis(1), "payload");

        punctuate();

        assertThat(fired).isEmpty();
        assertThat(timers.find("a")).isPresent();
    }

    @Test
    void shouldFireWhatIsDueEarliestFirstWithItsPayloadAndForgetIt() {
        timers.arm("late", NOW.plusSeconds(2), "second");
        timers.arm("early", NOW.plusSeconds(1), "first");
        timers.arm("later", NOW.plusSeconds(60), "not yet");

        clock.advance(Duration.ofSeconds(2));
        punctuate();

        assertThat(fired)
                .containsExactly(
                        new Timer<>("early", NOW.plusSeconds(1), "first"),
                        new Timer<>("late", NOW.plusSeconds(2), "second"));
        assertThat(timers.find("early")).isEmpty();
        assertThat(timers.find("later")).isPresent();
        punctuate();
        assertThat(fired).hasSize(2);
    }

    @Test
    void shouldFireATimerDueExactlyNow() {
        timers.arm("a", NOW, "p");

        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("a");
    }

    @Test
    void shouldOrderDueTimesNumericallyAcrossByteBoundaries() {
        // 255 and 256 ms differ in two bytes; a little-endian or zig-zag (Avro) key would order them the other way.
        Instant base = Instant.ofEpochMilli(0);
        timers.arm("b", base.plusMillis(256), "p");
        timers.arm("a", base.plusMillis(255), "p");
        timers.arm("c", NOW.minusSeconds(1), "p");

        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("a", "b", "c");
    }

    @Test
    void shouldMoveATimerArmedAgainUnderTheSameId() {
        timers.arm("a", NOW.plusSeconds(1), "old");
        timers.arm("a", NOW.plusSeconds(10), "new");

        clock.advance(Duration.ofSeconds(5));
        punctuate();
        assertThat(fired).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        punctuate();
        assertThat(fired).containsExactly(new Timer<>("a", NOW.plusSeconds(10), "new"));
    }

    @Test
    void shouldMoveATimerEarlier() {
        timers.arm("a", NOW.plusSeconds(10), "p");
        timers.arm("a", NOW.minusSeconds(1), "p");

        punctuate();
        clock.advance(Duration.ofSeconds(10));
        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("a");
    }

    @Test
    void shouldNeverFireACancelledTimer() {
        timers.arm("a", NOW.plusSeconds(1), "p");

        assertThat(timers.cancel("a")).isTrue();
        assertThat(timers.cancel("a")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        punctuate();

        assertThat(fired).isEmpty();
        assertThat(timers.find("a")).isEmpty();
    }

    @Test
    void shouldFireAtMostTheConfiguredNumberPerPunctuation() {
        for (int i = 0; i < 7; i++) {
            timers.arm("t-" + i, NOW.minusSeconds(10 - i), "p");
        }

        punctuate();
        assertThat(fired).extracting(Timer::id).containsExactly("t-0", "t-1", "t-2");
        punctuate();
        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4", "t-5", "t-6");
    }

    @Test
    void shouldFireEveryTimerOfOneDueTimeAcrossPunctuationsWhateverTheLengthOfTheirIds() {
        // "t1" < "t10" < "t2" in byte order: resuming after "t1" must not skip "t10".
        for (String id : List.of("t1", "t10", "t2", "t11", "t3", "t12", "t100")) {
            timers.arm(id, NOW, "p");
        }

        punctuate();
        punctuate();
        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("t1", "t10", "t100", "t11", "t12", "t2", "t3");
    }

    @Test
    void shouldFireATimerArmedInThePastAfterLaterOnesFired() {
        timers.arm("later", NOW, "p");
        punctuate();
        clock.advance(Duration.ofMinutes(1));
        punctuate();

        timers.arm("overdue", NOW.minusSeconds(3600), "p");
        timers.arm("moved-back", NOW.plusSeconds(3600), "p");
        timers.arm("moved-back", NOW.minusSeconds(60), "p");
        punctuate();

        assertThat(fired).extracting(Timer::id).containsExactly("later", "overdue", "moved-back");
    }

    @Test
    void shouldKeepTimersWithoutPayload() {
        timers.arm("a", NOW, null);

        punctuate();

        assertThat(fired).containsExactly(new Timer<>("a", NOW, null));
    }

    @Test
    void shouldRefuseADueTimeBefore1970() {
        assertThatThrownBy(() -> timers.arm("a", Instant.ofEpochMilli(-1), "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldScheduleOneWallClockPunctuationAtTheConfiguredInterval() {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(punctuator -> {
            assertThat(punctuator.getInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        });
    }

    @Test
    void shouldRefuseAnIntervalAboveAQuarterSecond() {
        assertThatThrownBy(() -> new TimerSettings(Duration.ofMillis(251), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void punctuate() {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(clock.millis());
    }
}
