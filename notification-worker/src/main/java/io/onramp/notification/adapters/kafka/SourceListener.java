package io.onramp.notification.adapters.kafka;

import io.onramp.notification.delivery.Intake;
import io.onramp.notification.domain.SourceEvent;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topics;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the events notifications come from (scheduled interviews, fired reminders, guest workflows) in batches and
 * hands them to the {@link Intake}; the offsets are committed once the delivery log holds their notifications. A record
 * that cannot be read goes to its topic's {@code .DLT} alone.
 */
@Component
class SourceListener {

    private final Topics topics;
    private final Intake intake;

    SourceListener(Topics topics, Intake intake) {
        this.topics = topics;
        this.intake = intake;
    }

    @KafkaListener(
            id = "notification-worker-schedules",
            topics = Topics.SCHEDULE_EVENTS,
            concurrency = "${onramp.notification-worker.intake-concurrency}",
            batch = "true")
    void schedules(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.scheduleEvents, records, events -> accept(events, SourceEvents::of));
    }

    @KafkaListener(
            id = "notification-worker-reminders",
            topics = Topics.REMINDERS,
            concurrency = "${onramp.notification-worker.intake-concurrency}",
            batch = "true")
    void reminders(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.reminders, records, events -> accept(events, SourceEvents::of));
    }

    @KafkaListener(
            id = "notification-worker-workflows",
            topics = Topics.WORKFLOW_EVENTS,
            concurrency = "${onramp.notification-worker.intake-concurrency}",
            batch = "true")
    void workflows(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.workflowEvents, records, events -> accept(events, SourceEvents::of));
    }

    private <V> void accept(List<V> values, Function<V, Optional<SourceEvent>> source) {
        intake.accept(values.stream().map(source).flatMap(Optional::stream).toList());
    }
}
