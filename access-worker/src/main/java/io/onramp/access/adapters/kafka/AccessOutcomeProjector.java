package io.onramp.access.adapters.kafka;

import io.onramp.access.adapters.jdbc.ReadModelProjection;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects each decided command into PostgreSQL and only then replies to the gateway, so that a client reading right
 * after its 2xx sees its own write. Redeliveries re-apply idempotently and reply again; the gateway ignores replies
 * it no longer waits for.
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
            concurrency = "${onramp.access-worker.projection-concurrency}")
    void on(ConsumerRecord<String, byte[]> record) {
        AccessOutcome outcome = RecordPublisher.read(topics.accessOutcomes, record.value());
        projection.apply(outcome);
        var reply = outcome.getReply();
        publisher.publish(topics.commandReplies, reply.getRequestId(), reply);
    }
}
