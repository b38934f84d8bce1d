package io.onramp.workflow.adapters.kafka;

import io.onramp.platform.ReplyingProjection;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowOutcome;
import io.onramp.workflow.adapters.jdbc.ReadModelProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects decided workflow commands into PostgreSQL, then replies to the gateway ({@link ReplyingProjection}). */
@Component
class WorkflowOutcomeProjector {

    private final Topics topics;
    private final ReadModelProjection projection;
    private final ReplyingProjection replying;

    WorkflowOutcomeProjector(Topics topics, ReadModelProjection projection, ReplyingProjection replying) {
        this.topics = topics;
        this.projection = projection;
        this.replying = replying;
    }

    @KafkaListener(
            id = "workflow-worker-projection",
            topics = Topics.WORKFLOW_OUTCOMES,
            concurrency = "${onramp.workflow-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        replying.apply(topics.workflowOutcomes, records, projection::apply, WorkflowOutcome::getReply);
    }
}
