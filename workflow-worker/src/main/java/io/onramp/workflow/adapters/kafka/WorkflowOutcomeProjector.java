package io.onramp.workflow.adapters.kafka;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowOutcome;
import io.onramp.workflow.adapters.jdbc.ReadModelProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects decided commands into PostgreSQL and only then replies to the gateway, so that a client reading right after
 * its 2xx sees its own write. Redeliveries re-apply idempotently and reply again; the gateway ignores replies it no
 * longer waits for.
 */
@Component
class WorkflowOutcomeProjector {

    private final Topics topics;
    private final ReadModelProjection projection;
    private final RecordPublisher publisher;

    WorkflowOutcomeProjector(Topics topics, ReadModelProjection projection, RecordPublisher publisher) {
        this.topics = topics;
        this.projection = projection;
        this.publisher = publisher;
    }

    @KafkaListener(
            id = "workflow-worker-projection",
            topics = Topics.WORKFLOW_OUTCOMES,
            concurrency = "${onramp.workflow-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.workflowOutcomes, records, outcomes -> {
            projection.apply(outcomes);
            publisher.publishReplies(
                    topics.commandReplies,
                    outcomes.stream().map(WorkflowOutcome::getReply).toList());
        });
    }

    @KafkaListener(
            id = "workflow-worker-schedule-projection",
            topics = Topics.SCHEDULE_OUTCOMES,
            concurrency = "${onramp.workflow-worker.projection-concurrency}",
            batch = "true")
    void onSchedules(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.scheduleOutcomes, records, outcomes -> {
            projection.applySchedules(outcomes);
            publisher.publishReplies(
                    topics.commandReplies,
                    outcomes.stream().map(ScheduleOutcome::getReply).toList());
        });
    }
}
