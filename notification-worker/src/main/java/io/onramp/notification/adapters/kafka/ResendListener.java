package io.onramp.notification.adapters.kafka;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.notification.adapters.jdbc.DeliveryLog;
import io.onramp.notification.delivery.Dispatcher;
import io.onramp.platform.CommandReplies;
import io.onramp.platform.RecordPublisher;
import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.NotificationCommand;
import io.onramp.schemas.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Resends on request: a {@code dead} or {@code unknown} notification becomes {@code pending} again (the same id, so the
 * same {@code Message-ID}); any other status is a conflict, and an id the tenant does not have is not found.
 */
@Component
class ResendListener {

    private static final String RESOURCE = "notification";

    private final Topics topics;
    private final DeliveryLog deliveryLog;
    private final CommandOutcomes outcomes;
    private final RecordPublisher publisher;
    private final Dispatcher dispatcher;
    private final Clock clock;

    ResendListener(
            Topics topics,
            DeliveryLog deliveryLog,
            CommandOutcomes outcomes,
            RecordPublisher publisher,
            Dispatcher dispatcher,
            Clock clock) {
        this.topics = topics;
        this.deliveryLog = deliveryLog;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-worker-commands", topics = Topics.NOTIFICATION_COMMANDS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(topics.notificationCommands, records, commands -> {
            List<CommandReply> replies = new ArrayList<>();
            for (NotificationCommand command : commands) {
                CommandReply reply = resend(command);
                outcomes.record(reply);
                replies.add(reply);
            }
            dispatcher.wake();
            publisher.publishReplies(topics.commandReplies, replies);
        });
    }

    private CommandReply resend(NotificationCommand command) {
        CommandMetadata metadata = command.getMetadata();
        String id = command.getNotificationId();
        Optional<DeliveryLog.Resend> found;
        try {
            found = deliveryLog.resend(metadata.getTenantId(), UUID.fromString(id), clock.instant());
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return CommandReplies.rejected(
                    metadata,
                    RESOURCE,
                    id,
                    new Decision.Rejected<>(Decision.Reason.NOT_FOUND, "Notification not found", List.of()));
        }
        if (!found.get().accepted()) {
            String status = found.get().status().label();
            return CommandReplies.rejected(
                    metadata,
                    RESOURCE,
                    id,
                    new Decision.Rejected<>(
                            Decision.Reason.CONFLICT,
                            "Notification is " + status + ": only dead or unknown notifications are resent",
                            List.of(new Violation("status", "is " + status))));
        }
        return CommandReplies.accepted(metadata, RESOURCE, id, CommandOutcome.ACCEPTED, null, null);
    }
}
