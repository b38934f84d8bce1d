package io.onramp.notification.adapters.kafka;

import io.onramp.domain.Decision;
import io.onramp.domain.people.Person;
import io.onramp.domain.people.PersonRules;
import io.onramp.notification.adapters.jdbc.PeopleDirectory;
import io.onramp.platform.CommandReplies;
import io.onramp.platform.RecordPublisher;
import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.CommandHeaders;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.Keys;
import io.onramp.schemas.PersonEvent;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the people directory from the compacted topic {@code people}: an entry is checked by {@link PersonRules} (an
 * upstream one that breaks them is recorded as rejected and skipped), a tombstone erases the person. A record the
 * gateway published as a command is answered once the directory shows it, so that a read after the 2xx sees it. A
 * record that cannot be read goes to {@code people.DLT}.
 */
@Component
class PeopleListener {

    private static final Logger log = LoggerFactory.getLogger(PeopleListener.class);

    private final Topics topics;
    private final PeopleDirectory directory;
    private final CommandOutcomes outcomes;
    private final RecordPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PeopleListener(
            Topics topics,
            PeopleDirectory directory,
            CommandOutcomes outcomes,
            RecordPublisher publisher,
            TransactionTemplate transaction,
            Clock clock) {
        this.topics = topics;
        this.directory = directory;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-worker-people", topics = Topics.PEOPLE, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordPublisher.readBatch(records, this::read, changes -> {
            List<CommandReply> replies = new ArrayList<>();
            transaction.executeWithoutResult(status -> changes.forEach(change -> apply(change, replies)));
            publisher.publishReplies(topics.commandReplies, replies);
        });
    }

    /** One record of {@code people}: an entry, or a tombstone ({@code event} null). */
    private record Change(ConsumerRecord<String, byte[]> record, String tenantId, String userId, PersonEvent event) {}

    /** A record without a tenant key, or whose value no serde can read, cannot be read. */
    private Change read(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("a people record without a key");
        }
        String tenantId = Keys.tenantOf(record.key());
        String userId = Keys.idOf(record.key());
        PersonEvent event = record.value() == null ? null : RecordPublisher.read(topics.people, record.value());
        return new Change(record, tenantId, userId, event);
    }

    private void apply(Change change, List<CommandReply> replies) {
        var record = change.record();
        String tenantId = change.tenantId();
        String userId = change.userId();
        CommandMetadata command = command(record, tenantId);
        PersonEvent event = change.event();
        if (event == null) {
            directory.erase(tenantId, userId);
            answer(command, () -> accepted(command, userId), replies);
            return;
        }
        Decision<Person> decision = PersonRules.validate(
                tenantId, userId, event.getEmail(), event.getName(), event.getTimezone(), event.getLocale());
        if (!tenantId.equals(event.getTenantId()) || !userId.equals(event.getUserId())) {
            decision = Decision.rejected(
                    Decision.Reason.INVALID, "Validation failed", "user_id", "the record's key names another person");
        }
        if (decision instanceof Decision.Accepted<Person> accepted) {
            directory.put(accepted.result(), event.getUpdatedAt());
            answer(command, () -> accepted(command, userId), replies);
        } else if (decision instanceof Decision.Rejected<Person> rejected) {
            log.warn(
                    "Skipping person {} of {} at {}-{}: {}",
                    userId,
                    tenantId,
                    record.partition(),
                    record.offset(),
                    rejected.violations());
            directory.reject(
                    record.partition(), record.offset(), tenantId, userId, rejected.violations(), clock.instant());
            answer(command, () -> CommandReplies.rejected(command, "person", userId, rejected), replies);
        }
    }

    private static CommandReply accepted(CommandMetadata command, String userId) {
        return CommandReplies.accepted(command, "person", userId, CommandOutcome.ACCEPTED, null, null);
    }

    /** Answers a gateway command (recorded for GET /requests/{id}); an upstream record gets no answer. */
    private void answer(CommandMetadata command, Supplier<CommandReply> replyTo, List<CommandReply> replies) {
        if (command != null) {
            CommandReply reply = replyTo.get();
            outcomes.record(reply);
            replies.add(reply);
        }
    }

    /** The command a gateway request made of this record, or {@code null} for an upstream record. */
    private CommandMetadata command(ConsumerRecord<String, byte[]> record, String tenantId) {
        Header requestId = record.headers().lastHeader(CommandHeaders.REQUEST_ID);
        if (requestId == null) {
            return null;
        }
        Header user = record.headers().lastHeader(CommandHeaders.USER_ID);
        return new CommandMetadata(
                new String(requestId.value(), StandardCharsets.UTF_8),
                tenantId,
                user == null ? "" : new String(user.value(), StandardCharsets.UTF_8),
                clock.instant());
    }
}
