package io.onramp.bench.timers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every fired timer as a consumer of the committed output sees it, recording when the worker fired it and when
 * it became visible, per timer index ({@code t<index>} ids).
 */
final class FiredTimers implements AutoCloseable {

    private final Executions executions;
    private final Thread reader;
    private volatile boolean running = true;

    FiredTimers(String bootstrapServers, int capacity) {
        executions = new Executions(capacity);
        reader = new Thread(() -> read(bootstrapServers), "fired-timers");
        reader.setDaemon(true);
        reader.start();
    }

    static String id(int index) {
        return "t" + index;
    }

    private void read(String bootstrapServers) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TimerBenchWorker.FIRED_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    int index = Integer.parseInt(record.key().substring(1));
                    var value = ByteBuffer.wrap(record.value());
                    value.getLong();
                    executions.record(index, value.getLong(), now);
                }
            }
        }
    }

    Executions executions() {
        return executions;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
