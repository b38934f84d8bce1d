package io.onramp.gateway.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How many dead letters each dead-letter topic holds, counted from its records rather than its offsets (a
 * transactional write leaves a commit marker that takes an offset and is no dead letter). Counting is incremental:
 * each sample reads only what was appended since the last, and starts a partition over when retention removed its
 * oldest records. Not thread-safe: one sampler thread drives it; readers take the immutable {@link #depths()}.
 */
final class DeadLetterDepths {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** Records counted in {@code [from, to)} of one partition. */
    private record Counted(long from, long to, long count) {}

    private final Map<TopicPartition, Counted> counted = new HashMap<>();
    private volatile Map<String, Long> depths = Map.of();

    /** Depth per dead-letter topic, by name. */
    Map<String, Long> depths() {
        return depths;
    }

    void sample(Admin admin, Consumer<byte[], byte[]> reader, Set<String> deadLetterTopics) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>(AdminCalls.partitions(admin, deadLetterTopics));
        Map<TopicPartition, Long> starts = AdminCalls.offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = AdminCalls.endOffsets(admin, partitions);

        Map<TopicPartition, Long> toRead = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long start = starts.get(partition);
            Long end = ends.get(partition);
            if (start == null || end == null) {
                continue;
            }
            Counted known = counted.get(partition);
            if (known == null || known.from() < start || known.to() > end) {
                known = new Counted(start, start, 0);
                counted.put(partition, known);
            }
            if (known.to() < end) {
                toRead.put(partition, end);
            }
        }
        if (!toRead.isEmpty()) {
            count(reader, toRead);
        }
        counted.keySet().retainAll(partitions);

        Map<String, Long> totals = new TreeMap<>();
        deadLetterTopics.forEach(topic -> totals.put(topic, 0L));
        counted.forEach((partition, known) -> totals.merge(partition.topic(), known.count(), Long::sum));
        depths = Map.copyOf(totals);
    }

    private void count(Consumer<byte[], byte[]> reader, Map<TopicPartition, Long> targets) {
        List<TopicPartition> assigned = new ArrayList<>(targets.keySet());
        reader.assign(assigned);
        assigned.forEach(
                partition -> reader.seek(partition, counted.get(partition).to()));
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        Set<TopicPartition> open = new HashSet<>(assigned);
        try {
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                var records = reader.poll(Duration.ofMillis(200));
                Map<TopicPartition, Long> seen = new HashMap<>();
                records.forEach(
                        record -> seen.merge(new TopicPartition(record.topic(), record.partition()), 1L, Long::sum));
                for (TopicPartition partition : List.copyOf(open)) {
                    Counted known = counted.get(partition);
                    long position = reader.position(partition);
                    counted.put(
                            partition,
                            new Counted(known.from(), position, known.count() + seen.getOrDefault(partition, 0L)));
                    if (position >= targets.get(partition)) {
                        open.remove(partition);
                        reader.pause(List.of(partition));
                    }
                }
            }
        } finally {
            reader.assign(List.of());
        }
    }
}
