package io.onramp.workflow.adapters.kafka.schedule;

import io.onramp.platform.ReplyingProjection;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.Topics;
import io.onramp.workflow.adapters.jdbc.schedule.ScheduleProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects decided schedule commands into PostgreSQL, then replies to the gateway ({@link ReplyingProjection}). */
@Component
class ScheduleOutcomeProjector {

    private final Topics topics;
    private final ScheduleProjection projection;
    private final ReplyingProjection replying;

    ScheduleOutcomeProjector(Topics topics, ScheduleProjection projection, ReplyingProjection replying) {
        this.topics = topics;
        this.projection = projection;
        this.replying = replying;
    }

    @KafkaListener(
            id = "workflow-worker-schedule-projection",
            topics = Topics.SCHEDULE_OUTCOMES,
            concurrency = "${onramp.workflow-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        replying.apply(topics.scheduleOutcomes, records, projection::apply, ScheduleOutcome::getReply);
    }
}
