package io.onramp.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timers inside a real topology: armed from input records, fired as output records as wall-clock time passes. */
class TimerTopologyTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, Long> arm;
    private TestOutputTopic<String, Long> fired;

    /** Arms a timer per record (value: due epoch-millis; null cancels) and outputs each fired timer's due time. */
    private static final class ArmingProcessor implements Processor<String, Long, String, Long> {

        private final Clock clock;
        private Timers<Long> timers;
        private ProcessorContext<String, Long> context;

        private ArmingProcessor(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            timers = Timers.of(context, "timers", Serdes.Long());
            TimerPunctuation.schedule(
                    context,
                    timers,
                    new TimerSettings(Duration.ofMillis(100), 2),
                    clock,
                    timer -> context.forward(new Record<>(timer.id(), timer.payload(), clock.millis())));
        }

        @Override
        public void process(Record<String, Long> record) {
            if (record.value() == null) {
                timers.cancel(record.key());
            } else {
                timers.arm(record.key(), Instant.ofEpochMilli(record.value()), record.value());
            }
        }
    }

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        Timers.storeBuilders("timers").forEach(builder::addStateStore);
        builder.stream("arm", Consumed.with(Serdes.String(), Serdes.Long()))
                .process(() -> new ArmingProcessor(clock), Timers.storeNames("timers"))
                .to("fired", Produced.with(Serdes.String(), Serdes.Long()));
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "timers-test");
        driver = new TopologyTestDriver(builder.build(), config, START);
        arm = driver.createInputTopic(
                "arm", Serdes.String().serializer(), Serdes.Long().serializer());
        fired = driver.createOutputTopic(
                "fired", Serdes.String().deserializer(), Serdes.Long().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldFireEachTimerOnceWhenWallClockTimePassesItsDueTime() {
        arm.pipeInput("a", START.plusSeconds(1).toEpochMilli());
        arm.pipeInput("b", START.plusSeconds(3).toEpochMilli());

        advance(Duration.ofMillis(900));
        assertThat(fired.isEmpty()).isTrue();
        advance(Duration.ofMillis(100));
        assertThat(fired.readKeyValuesToList())
                .containsExactly(KeyValue.pair("a", START.plusSeconds(1).toEpochMilli()));
        advance(Duration.ofSeconds(10));
        assertThat(fired.readKeyValuesToList())
                .containsExactly(KeyValue.pair("b", START.plusSeconds(3).toEpochMilli()));
        advance(Duration.ofSeconds(10));
        assertThat(fired.isEmpty()).isTrue();
    }

    @Test
    void shouldFireWithoutAnyFurtherInput() {
        arm.pipeInput("a", START.plusSeconds(5).toEpochMilli());

        advance(Duration.ofSeconds(5));

        assertThat(ids()).containsExactly("a");
    }

    @Test
    void shouldNeverFireACancelledTimerNorAMovedTimerAtItsOldTime() {
        arm.pipeInput("cancelled", START.plusSeconds(1).toEpochMilli());
        arm.pipeInput("moved", START.plusSeconds(1).toEpochMilli());
        arm.pipeInput("cancelled", null);
        arm.pipeInput("moved", START.plusSeconds(30).toEpochMilli());

        advance(Duration.ofSeconds(10));
        assertThat(fired.isEmpty()).isTrue();
        advance(Duration.ofSeconds(20));

        assertThat(ids()).containsExactly("moved");
    }

    @Test
    void shouldDrainABacklogAFewTimersPerPunctuation() {
        for (int i = 0; i < 5; i++) {
            arm.pipeInput("t-" + i, START.minusSeconds(60 - i).toEpochMilli());
        }

        advance(Duration.ofMillis(100));
        assertThat(ids()).containsExactly("t-0", "t-1");
        advance(Duration.ofMillis(100));
        assertThat(ids()).containsExactly("t-2", "t-3");
        advance(Duration.ofMillis(100));
        assertThat(ids()).containsExactly("t-4");
    }

    private List<String> ids() {
        return fired.readKeyValuesToList().stream().map(pair -> pair.key).toList();
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }
}
