package io.onramp.access.adapters.kafka;

import io.onramp.access.adapters.jdbc.ReadModelProjection;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects decided commands into PostgreSQL and only then replies to the gateway, so that a client reading right after
 * its 2xx sees its own write. Works in batches (one transaction, one round of replies) to keep up with bulk enrolment.
 * Redeliveries re-apply idempotently and reply again; the gateway ignores replies it no longer waits for. A record that
 * cannot be read is reported by position, so that only it is dead-lettered.
 */
@Component
class AccessOutcomeProjector {

    private final Topics topics;
    private final ReadModelProjection projection;
    private final RecordPublisher publisher;

    AccessOutcomeProjector(Topics topics, ReadModelProjection projection, RecordPublisher publisher) {
        this.topics = topics;
        this.projection = projection;
        this.publisher = publisher;
    }

    @KafkaListener(
            id = "access-worker-projection",
            topics = Topics.ACCESS_OUTCOMES,
            concurrency = "${onramp.access-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.accessOutcomes, records, outcomes -> {
            projection.apply(outcomes);
            publisher.publishReplies(
                    topics.commandReplies,
                    outcomes.stream().map(AccessOutcome::getReply).toList());
        });
    }
}
