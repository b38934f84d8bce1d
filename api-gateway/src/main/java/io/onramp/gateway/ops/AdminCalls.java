package io.onramp.gateway.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The admin-client calls the operations code makes, each bounded by one timeout. */
final class AdminCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AdminCalls() {}

    static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Set<String> topicNames(Admin admin) throws Exception {
        return get(admin.listTopics().names());
    }

    /** Every partition of these topics. */
    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) throws Exception {
        return get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .toList();
    }

    /** End offsets as {@code read_committed} consumers see them: the last stable offset. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return offsets(admin, partitions, OffsetSpec.latest());
    }

    /** The offsets asked for; a partition deleted or not yet available is left out. */
    static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        var result = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        for (TopicPartition partition : partitions) {
            try {
                offsets.put(partition, get(result.partitionResult(partition)).offset());
            } catch (ExecutionException e) {
                // left out of this sample
            }
        }
        return offsets;
    }
}
