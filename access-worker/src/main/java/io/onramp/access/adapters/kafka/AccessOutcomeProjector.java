package io.onramp.access.adapters.kafka;

import io.onramp.access.adapters.jdbc.ReadModelProjection;
import io.onramp.platform.ReplyingProjection;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects decided access commands into PostgreSQL, then replies to the gateway ({@link ReplyingProjection}). */
@Component
class AccessOutcomeProjector {

    private final Topics topics;
    private final ReadModelProjection projection;
    private final ReplyingProjection replying;

    AccessOutcomeProjector(Topics topics, ReadModelProjection projection, ReplyingProjection replying) {
        this.topics = topics;
        this.projection = projection;
        this.replying = replying;
    }

    @KafkaListener(
            id = "access-worker-projection",
            topics = Topics.ACCESS_OUTCOMES,
            concurrency = "${onramp.access-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        replying.apply(topics.accessOutcomes, records, projection::apply, AccessOutcome::getReply);
    }
}
