package io.onramp.reminder.adapters.kafka;

import io.onramp.platform.RecordPublisher;
import io.onramp.reminder.adapters.jdbc.Reminders;
import io.onramp.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects every change of a reminder into PostgreSQL, a batch per transaction. Redeliveries re-apply harmlessly; a
 * record that cannot be read is reported by position, so that only it is dead-lettered.
 */
@Component
class ReminderProjector {

    private final Topics topics;
    private final Reminders reminders;

    ReminderProjector(Topics topics, Reminders reminders) {
        this.topics = topics;
        this.reminders = reminders;
    }

    @KafkaListener(
            id = "reminder-worker-projection",
            topics = Topics.REMINDER_OUTCOMES,
            concurrency = "${onramp.reminder-worker.projection-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.reminderOutcomes, records, reminders::apply);
    }
}
