package io.onramp.gateway.ops;

import java.time.Instant;
import java.util.List;

/**
 * The lag of every consumer group at one sample.
 *
 * @param sampledAt when the offsets were read; {@code null} before the first sample
 * @param windowSeconds the length of the sliding window statuses are judged over
 */
public record LagReport(Instant sampledAt, long windowSeconds, List<GroupLag> groups) {

    /**
     * @param state Kafka's group state ({@code STABLE}, {@code EMPTY}, …)
     * @param lag the sum of the partitions' lag, in records
     * @param maxLagSeconds the largest lag in seconds among the partitions
     * @param error why the group's offsets could not be read, for {@link LagStatus#ERR}
     */
    public record GroupLag(
            String group,
            LagStatus status,
            String state,
            int members,
            long lag,
            double maxLagSeconds,
            String error,
            List<PartitionLag> partitions) {}

    /**
     * @param lag records between the committed offset and the end, a commit marker at the end not counted
     * @param lagSeconds age of the oldest unconsumed record; 0 when caught up
     * @param memberHost host of the member holding the partition, empty when none does
     */
    public record PartitionLag(
            String topic,
            int partition,
            long committedOffset,
            long endOffset,
            long lag,
            double lagSeconds,
            LagStatus status,
            String memberHost,
            String consumerId,
            String clientId) {}
}
