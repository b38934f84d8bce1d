package io.onramp.bench.timers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every fired timer as a consumer of the committed output sees it: how often each fired (duplicates), when the worker
 * fired it and when it became visible, per timer index ({@code t<index>} ids).
 */
final class FiredTimers implements AutoCloseable {

    private final AtomicIntegerArray counts;
    private final AtomicLongArray firedAt;
    private final AtomicLongArray visibleAt;
    private final AtomicLong total = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;

    FiredTimers(String bootstrapServers, int capacity) {
        counts = new AtomicIntegerArray(capacity);
        firedAt = new AtomicLongArray(capacity);
        visibleAt = new AtomicLongArray(capacity);
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
                    firedAt.set(index, value.getLong());
                    visibleAt.set(index, now);
                    counts.incrementAndGet(index);
                    total.incrementAndGet();
                }
            }
        }
    }

    /** Waits until every timer of {@code [from, from + count)} fired once at least, or the deadline passed. */
    boolean awaitAll(int from, int count, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (firedOf(from, count) == count) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    int firedOf(int from, int count) {
        int fired = 0;
        for (int i = from; i < from + count; i++) {
            if (counts.get(i) > 0) {
                fired++;
            }
        }
        return fired;
    }

    Outcome outcome(int from, int count, long[] due) {
        long[] fired = new long[count];
        long[] visible = new long[count];
        int n = 0;
        int duplicates = 0;
        int missing = 0;
        long lastVisible = 0;
        for (int i = from; i < from + count; i++) {
            int c = counts.get(i);
            if (c == 0) {
                missing++;
                continue;
            }
            duplicates += c - 1;
            fired[n] = firedAt.get(i) - due[i];
            visible[n] = visibleAt.get(i) - due[i];
            lastVisible = Math.max(lastVisible, visibleAt.get(i));
            n++;
        }
        return new Outcome(
                Delays.of(java.util.Arrays.copyOf(fired, n)),
                Delays.of(java.util.Arrays.copyOf(visible, n)),
                duplicates,
                missing,
                Instant.ofEpochMilli(lastVisible));
    }

    /**
     * @param fired delay from due time to the worker firing it
     * @param visible delay from due time to a read_committed consumer seeing it
     * @param lastVisible when the last of them became visible
     */
    record Outcome(Delays fired, Delays visible, int duplicates, int missing, Instant lastVisible) {}

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
