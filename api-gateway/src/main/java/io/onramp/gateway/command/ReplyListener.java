package io.onramp.gateway.command;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topics;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Receives every worker reply. Each gateway instance reads the whole reply topic in a consumer group of its own,
 * from the end, and completes the commands it is waiting on; it reports healthy only once it is assigned the topic,
 * so that no reply to a request it accepted can pass unseen.
 */
@Component
class ReplyListener implements ConsumerSeekAware, HealthIndicator {

    private final Topics topics;
    private final PendingReplies pending;
    private final AtomicBoolean assigned = new AtomicBoolean();

    ReplyListener(Topics topics, PendingReplies pending) {
        this.topics = topics;
        this.pending = pending;
    }

    @KafkaListener(
            id = "gateway-replies",
            topics = Topics.COMMAND_REPLIES,
            groupId = "api-gateway-replies-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=false"})
    void on(ConsumerRecord<String, byte[]> record) {
        pending.complete(RecordPublisher.read(topics.commandReplies, record.value()));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!assignments.isEmpty()) {
            assigned.set(true);
        }
    }

    @Override
    public Health health() {
        var health = assigned.get() ? Health.up() : Health.down().withDetail("reason", "reply topic not yet assigned");
        return health.withDetail("waiting", pending.size()).build();
    }
}
