package io.onramp.notification.adapters.kafka;

import io.onramp.notification.adapters.jdbc.NotificationEventOutbox;
import io.onramp.notification.domain.StatusChange;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Keys;
import io.onramp.schemas.NotificationEvent;
import io.onramp.schemas.NotificationKind;
import io.onramp.schemas.NotificationStatus;
import io.onramp.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the delivery log's status changes on {@code notification-events}, keyed {@code tenant/notification id},
 * in the order they were made, and removes them from the outbox once the broker has them.
 */
@Component
class NotificationEventRelay {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventRelay.class);
    private static final int BATCH = 500;

    private final NotificationEventOutbox outbox;
    private final RecordPublisher publisher;
    private final Topics topics;

    NotificationEventRelay(NotificationEventOutbox outbox, RecordPublisher publisher, Topics topics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.topics = topics;
    }

    @Scheduled(fixedDelayString = "${onramp.notification-worker.event-relay-interval}")
    void relay() {
        try {
            while (outbox.relay(BATCH, this::publish) == BATCH) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            log.warn("Publishing notification status changes failed; they stay in the outbox", e);
        }
    }

    private void publish(List<StatusChange> changes) {
        publisher.publishInOrder(
                topics.notificationEvents,
                changes.stream()
                        .map(change ->
                                Map.entry(Keys.of(change.tenantId(), change.id().toString()), event(change)))
                        .toList());
    }

    private static NotificationEvent event(StatusChange change) {
        return NotificationEvent.newBuilder()
                .setNotificationId(change.id().toString())
                .setTenantId(change.tenantId())
                .setKind(NotificationKind.valueOf(change.kind().name()))
                .setChannel("email")
                .setRecipientId(change.recipientId())
                .setRecipient(change.recipient())
                .setStatus(NotificationStatus.valueOf(change.status().name()))
                .setAttempts(change.attempts())
                .setLastError(change.lastError())
                .setSource(change.source())
                .setScheduleId(change.scheduleId())
                .setGuestId(change.guestId())
                .setOccurredAt(change.occurredAt())
                .build();
    }
}
