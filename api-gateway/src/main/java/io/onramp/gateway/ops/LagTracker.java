package io.onramp.gateway.ops;

import io.onramp.gateway.ops.LagReport.GroupLag;
import io.onramp.gateway.ops.LagReport.PartitionLag;
import io.onramp.gateway.ops.LagRules.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Every consumer group's lag from Kafka's own offsets, one sample at a time, and the history of the sliding window its
 * status is judged over ({@link LagRules}). Not thread-safe: one sampler thread drives it; readers take the immutable
 * {@link #report()}.
 *
 * <p>End offsets are read {@code read_committed} (the last stable offset), as the platform's consumers read. A
 * partition whose committed offset is behind its end is probed: the first committed record from the committed offset
 * on gives the lag in seconds (now minus its timestamp); when there is none, what lies between is transaction markers
 * or aborted records, which is no lag. Probes are cached by partition and committed offset, so a stuck consumer costs
 * one fetch, not one per sample.
 */
final class LagTracker {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    private static final int MAX_PROBES_PER_SAMPLE = 200;

    private record GroupPartition(String group, TopicPartition partition) {}

    private record ProbeKey(TopicPartition partition, long from) {}

    /** What lies at and after {@code from}: the first record's timestamp, or nothing up to {@code scannedTo}. */
    private record Probe(long firstTimestamp, long scannedTo) {
        boolean found() {
            return firstTimestamp >= 0;
        }
    }

    private final Duration window;
    private final Map<GroupPartition, Deque<Sample>> histories = new HashMap<>();
    private final Map<GroupPartition, Instant> observedSince = new HashMap<>();
    private Map<ProbeKey, Probe> probes = new HashMap<>();
    private volatile LagReport report;

    LagTracker(Duration window) {
        this.window = window;
        this.report = new LagReport(null, window.toSeconds(), List.of());
    }

    LagReport report() {
        return report;
    }

    void sample(Admin admin, Consumer<byte[], byte[]> reader, Instant now) throws Exception {
        List<String> groupIds = AdminCalls.get(
                        admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
                .stream()
                .map(GroupListing::groupId)
                .sorted()
                .toList();
        Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions =
                admin.describeConsumerGroups(groupIds).describedGroups();
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        var offsetsResult = admin.listConsumerGroupOffsets(specs);

        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        Map<String, ConsumerGroupDescription> described = new HashMap<>();
        for (String id : groupIds) {
            try {
                described.put(id, AdminCalls.get(descriptions.get(id)));
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                AdminCalls.get(offsetsResult.partitionsToOffsetAndMetadata(id)).forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition, offset);
                    }
                });
                committed.put(id, offsets);
            } catch (ExecutionException | TimeoutException e) {
                errors.put(id, String.valueOf(e.getCause() == null ? e : e.getCause()));
            }
        }

        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        Map<TopicPartition, Long> ends = AdminCalls.endOffsets(admin, partitions);

        Map<ProbeKey, Probe> usedProbes = new HashMap<>();
        int[] probeBudget = {MAX_PROBES_PER_SAMPLE};
        Set<GroupPartition> seen = new HashSet<>();
        List<GroupLag> groups = new ArrayList<>();
        for (String id : groupIds) {
            if (errors.containsKey(id)) {
                groups.add(new GroupLag(id, LagStatus.ERR, "UNKNOWN", 0, 0, 0, errors.get(id), List.of()));
                continue;
            }
            ConsumerGroupDescription description = described.get(id);
            Map<TopicPartition, MemberDescription> holders = holders(description);
            boolean hasMembers = !description.members().isEmpty();
            List<PartitionLag> lags = new ArrayList<>();
            LagStatus groupStatus = LagStatus.OK;
            long groupLag = 0;
            double maxSeconds = 0;
            var entries = new ArrayList<>(committed.get(id).entrySet());
            entries.sort(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) ->
                            e.getKey().topic())
                    .thenComparingInt(e -> e.getKey().partition()));
            for (var entry : entries) {
                TopicPartition partition = entry.getKey();
                Long end = ends.get(partition);
                if (end == null) {
                    continue; // the topic went away
                }
                long offset = entry.getValue().offset();
                long lag = Math.max(0, end - offset);
                double seconds = 0;
                if (lag > 0) {
                    Probe probe = probe(reader, partition, offset, end, usedProbes, probeBudget);
                    if (probe != null && !probe.found() && probe.scannedTo() >= end) {
                        lag = 0; // only markers or aborted records up to the end
                    } else if (probe != null && probe.found()) {
                        seconds = Math.max(0, now.toEpochMilli() - probe.firstTimestamp()) / 1000.0;
                    }
                }
                var key = new GroupPartition(id, partition);
                seen.add(key);
                LagStatus status = record(key, new Sample(now, offset, end, lag), hasMembers);
                MemberDescription holder = holders.get(partition);
                lags.add(new PartitionLag(
                        partition.topic(),
                        partition.partition(),
                        offset,
                        end,
                        lag,
                        seconds,
                        status,
                        holder == null ? "" : holder.host(),
                        holder == null ? "" : holder.consumerId(),
                        holder == null ? "" : holder.clientId()));
                groupStatus = groupStatus.worst(status);
                groupLag += lag;
                maxSeconds = Math.max(maxSeconds, seconds);
            }
            groups.add(new GroupLag(
                    id,
                    groupStatus,
                    description.groupState().name(),
                    description.members().size(),
                    groupLag,
                    maxSeconds,
                    null,
                    List.copyOf(lags)));
        }
        histories.keySet().retainAll(seen);
        observedSince.keySet().retainAll(seen);
        probes = usedProbes;
        report = new LagReport(now, window.toSeconds(), List.copyOf(groups));
    }

    private LagStatus record(GroupPartition key, Sample sample, boolean hasMembers) {
        Instant since = observedSince.computeIfAbsent(key, k -> sample.at());
        Deque<Sample> history = histories.computeIfAbsent(key, k -> new ArrayDeque<>());
        history.addLast(sample);
        Instant horizon = sample.at().minus(window);
        while (history.size() > 1 && history.peekFirst().at().isBefore(horizon)) {
            history.removeFirst();
        }
        return LagRules.evaluate(List.copyOf(history), since, window, hasMembers);
    }

    private Probe probe(
            Consumer<byte[], byte[]> reader,
            TopicPartition partition,
            long from,
            long end,
            Map<ProbeKey, Probe> used,
            int[] budget) {
        var key = new ProbeKey(partition, from);
        Probe known = used.containsKey(key) ? used.get(key) : probes.get(key);
        if (known != null && (known.found() || known.scannedTo() >= end)) {
            used.put(key, known);
            return known;
        }
        if (budget[0]-- <= 0) {
            return null;
        }
        Probe probe = firstRecord(reader, partition, from, end);
        used.put(key, probe);
        return probe;
    }

    private static Probe firstRecord(Consumer<byte[], byte[]> reader, TopicPartition partition, long from, long end) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                var records = reader.poll(Duration.ofMillis(200)).records(partition);
                if (!records.isEmpty()) {
                    return new Probe(records.get(0).timestamp(), records.get(0).offset());
                }
                long position = reader.position(partition);
                if (position >= end) {
                    return new Probe(-1, position);
                }
            }
            return null;
        } finally {
            reader.assign(List.of());
        }
    }

    private static Map<TopicPartition, MemberDescription> holders(ConsumerGroupDescription description) {
        Map<TopicPartition, MemberDescription> holders = new HashMap<>();
        for (MemberDescription member : description.members()) {
            member.assignment().topicPartitions().forEach(partition -> holders.put(partition, member));
        }
        return holders;
    }
}
