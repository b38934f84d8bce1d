package io.onramp.bench.timers;

import io.onramp.timers.TimerPunctuation;
import io.onramp.timers.TimerSettings;
import io.onramp.timers.Timers;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One worker instance holding the benchmark's timers: the platform's timer component in a Streams app configured as
 * the workers are (exactly-once v2, 10 ms commits and polls). Each record of the arm topic (key: timer id, value: due
 * epoch-millis) arms a timer; each timer that fires is output as (due, fired) epoch-millis, 16 bytes.
 *
 * <p>Arguments: bootstrap servers, state directory.
 */
public final class TimerBenchWorker {

    static final String APPLICATION_ID = "bench-timers";
    static final String ARM_TOPIC = "bench-timer-arm";
    static final String FIRED_TOPIC = "bench-timer-fired";
    static final String RUNNING_LINE = "bench-timers: RUNNING";

    private TimerBenchWorker() {}

    public static void main(String[] args) throws InterruptedException {
        var builder = new StreamsBuilder();
        Timers.storeBuilders("bench-timers").forEach(builder::addStateStore);
        builder.stream(ARM_TOPIC, Consumed.with(Serdes.String(), Serdes.Long()))
                .process(ArmingProcessor::new, Timers.storeNames("bench-timers"))
                .to(FIRED_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));

        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(StreamsConfig.STATE_DIR_CONFIG, args[1]);
        // As onramp-platform.yml configures every worker's Streams app.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10);
        config.put(StreamsConfig.POLL_MS_CONFIG, 10);
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");

        var streams = new KafkaStreams(builder.build(), config);
        var stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING_LINE);
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        streams.start();
        stopped.await();
    }

    private static final class ArmingProcessor implements Processor<String, Long, String, byte[]> {

        private final Clock clock = Clock.systemUTC();
        private Timers<Long> timers;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            timers = Timers.of(context, "bench-timers", Serdes.Long());
            TimerPunctuation.schedule(context, timers, TimerSettings.DEFAULT, clock, timer -> {
                long fired = clock.millis();
                byte[] value = ByteBuffer.allocate(16)
                        .putLong(timer.due().toEpochMilli())
                        .putLong(fired)
                        .array();
                context.forward(new Record<>(timer.id(), value, fired));
            });
        }

        @Override
        public void process(Record<String, Long> record) {
            timers.arm(record.key(), Instant.ofEpochMilli(record.value()), null);
        }
    }
}
