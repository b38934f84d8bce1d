package io.onramp.gateway.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.ops.DeadLetter.Original;
import io.onramp.gateway.ops.ReplayResult.Outcome;
import io.onramp.gateway.security.Caller;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.AuditEvent;
import io.onramp.schemas.DeadLetterReplay;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browsing and replaying dead letters (DESIGN §13). Dead letters are addressed by their partition and offset in the
 * dead-letter topic; the dead letters several applications wrote for one original record are one entry, and a replay
 * sends each original record once, to its original topic and partition, with the {@code kafka_dlt-*} headers removed
 * and {@value DeadLetter#REPLAY_COUNT_HEADER} raised by one.
 *
 * <p>A record's replay count is the count it carried when it failed (replays of its ancestors) plus the replays of its
 * own dead letters, which the compacted {@code dead-letter-replays} topic keeps per original record. At the limit the
 * replay is refused. Two operators replaying the same record at the same instant through two gateways can both pass
 * the check: the limit stops loops, and replaying a command or an event twice has no second effect.
 */
@Component
class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private static final int MAX_SCAN = 10_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final Topics topics;
    private final Admin admin;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaTemplate<Object, byte[]> producer;
    private final RecordPublisher publisher;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final OpsProperties properties;
    private final Map<String, Topic<String, ?>> catalogue = new HashMap<>();

    DeadLetters(
            Topics topics,
            Admin opsAdmin,
            ConsumerFactory<?, ?> consumers,
            KafkaTemplate<Object, byte[]> bytesTemplate,
            RecordPublisher publisher,
            JsonMapper json,
            MeterRegistry meters,
            OpsProperties properties) {
        this.topics = topics;
        this.admin = opsAdmin;
        this.consumers = consumers;
        this.producer = bytesTemplate;
        this.publisher = publisher;
        this.json = json;
        this.meters = meters;
        this.properties = properties;
        for (Topic<?, ?> topic : topics.all()) {
            @SuppressWarnings("unchecked")
            var keyed = (Topic<String, ?>) topic;
            catalogue.put(topic.name(), keyed);
        }
    }

    /** The catalogue's dead-letter topics and any other {@code .DLT} topic the cluster holds. */
    Set<String> deadLetterTopics() throws Exception {
        Set<String> names = new TreeSet<>();
        topics.all().forEach(topic -> names.add(topic.deadLetterName()));
        for (String name : AdminCalls.topicNames(admin)) {
            if (name.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    static String originalTopicOf(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - Topic.DEAD_LETTER_SUFFIX.length());
    }

    /** 404 for a topic the cluster does not have, 400 for one that is not a dead-letter topic. */
    List<TopicPartition> partitionsOf(String topic) throws Exception {
        if (!deadLetterTopics().contains(topic)) {
            if (catalogue.containsKey(topic) || AdminCalls.topicNames(admin).contains(topic)) {
                throw new InvalidRequestException("topic", "'" + topic + "' is not a dead-letter topic (*.DLT)");
            }
            throw new NotFoundException("Dead-letter topic", topic);
        }
        return AdminCalls.partitions(admin, List.of(topic));
    }

    List<DeadLetterView> browse(String topic, String exception, Integer partition, Long fromOffset, int limit)
            throws Exception {
        List<TopicPartition> partitions = partitionsOf(topic);
        if (partition != null) {
            if (partitions.stream().noneMatch(p -> p.partition() == partition)) {
                throw new InvalidRequestException(
                        "partition", "must be between 0 and " + (partitions.size() - 1) + " for '" + topic + "'");
            }
            partitions = List.of(new TopicPartition(topic, partition));
        }
        Map<Original, List<DeadLetter>> grouped = new LinkedHashMap<>();
        scan(partitions, fromOffset == null ? 0 : fromOffset, letter -> {
            if (!letter.failedWith(exception)) {
                return true;
            }
            List<DeadLetter> group = grouped.get(letter.original());
            if (group != null) {
                group.add(letter);
            } else if (grouped.size() < limit) {
                grouped.computeIfAbsent(letter.original(), o -> new ArrayList<>())
                        .add(letter);
            }
            return true;
        });
        Map<String, Integer> ledger = grouped.isEmpty() ? Map.of() : ledger();
        return grouped.values().stream().map(group -> view(group, ledger)).toList();
    }

    ReplayResult replay(Caller caller, String topic, ReplayRequest request, String method, String path)
            throws Exception {
        List<TopicPartition> partitions = partitionsOf(topic);
        List<Outcome> outcomes = new ArrayList<>();
        Map<Original, List<DeadLetter>> selected = new LinkedHashMap<>();
        if (request.replayAll()) {
            scan(partitions, 0, letter -> {
                if (letter.failedWith(request.exception())) {
                    selected.computeIfAbsent(letter.original(), o -> new ArrayList<>())
                            .add(letter);
                }
                return true;
            });
        } else {
            for (var address : request.records()) {
                var partition = new TopicPartition(topic, address.partition());
                DeadLetter letter = partitions.contains(partition) ? readOne(partition, address.offset()) : null;
                if (letter == null) {
                    outcomes.add(new Outcome(
                            address.partition(),
                            address.offset(),
                            null,
                            "skipped",
                            "no dead letter at this address",
                            null));
                } else if (!letter.failedWith(request.exception())) {
                    outcomes.add(new Outcome(
                            letter.partition(),
                            letter.offset(),
                            letter.original(),
                            "skipped",
                            "did not fail with " + request.exception(),
                            null));
                } else {
                    selected.computeIfAbsent(letter.original(), o -> new ArrayList<>())
                            .add(letter);
                }
            }
        }
        Map<String, Integer> ledger = selected.isEmpty() ? Map.of() : ledger();
        int replayed = 0;
        int refused = 0;
        for (var entry : selected.entrySet()) {
            Original original = entry.getKey();
            List<DeadLetter> letters = entry.getValue();
            DeadLetter first = letters.get(0);
            int count = replayCount(letters, ledger);
            Outcome outcome;
            if (count >= properties.maxReplays()) {
                outcome = new Outcome(
                        first.partition(),
                        first.offset(),
                        original,
                        "refused",
                        "replayed " + count + " times already; the limit is " + properties.maxReplays(),
                        null);
            } else if (!catalogue.containsKey(original.topic())
                    && !original.topic().equals(originalTopicOf(topic))) {
                outcome = new Outcome(
                        first.partition(),
                        first.offset(),
                        original,
                        "refused",
                        "its original topic '" + original.topic() + "' is not one this dead-letter topic serves",
                        null);
            } else if (request.dry()) {
                outcome = new Outcome(first.partition(), first.offset(), original, "replayed", "dry run", null);
            } else {
                outcome = send(caller, first, count, ledger.getOrDefault(original.key(), 0), method, path);
            }
            outcomes.add(outcome);
            if (outcome.outcome().equals("replayed")) {
                replayed++;
            } else {
                refused++;
            }
            for (DeadLetter other : letters.subList(1, letters.size())) {
                outcomes.add(new Outcome(
                        other.partition(),
                        other.offset(),
                        original,
                        "skipped",
                        "another dead letter of the same original record stands for it",
                        null));
            }
            if (!request.dry()) {
                meters.counter("onramp_dead_letter_replays", "topic", topic, "outcome", outcome.outcome())
                        .increment();
            }
        }
        int skipped = (int)
                outcomes.stream().filter(o -> o.outcome().equals("skipped")).count();
        return new ReplayResult(request.dry(), replayed, skipped, refused, List.copyOf(outcomes));
    }

    private Outcome send(Caller caller, DeadLetter letter, int count, int replaysOfOriginal, String method, String path)
            throws Exception {
        Original original = letter.original();
        var headers = new RecordHeaders();
        letter.record().headers().forEach(header -> {
            if (!header.key().startsWith(DeadLetter.DLT_HEADER_PREFIX)
                    && !header.key().equals(DeadLetter.REPLAY_COUNT_HEADER)) {
                headers.add(header);
            }
        });
        headers.add(DeadLetter.REPLAY_COUNT_HEADER, Integer.toString(count + 1).getBytes(StandardCharsets.UTF_8));
        var copy = new ProducerRecord<Object, byte[]>(
                original.topic(),
                original.partition(),
                null,
                letter.record().key(),
                letter.record().value(),
                headers);
        String where;
        try {
            var sent = producer.send(copy)
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            where = sent.topic() + "/" + sent.partition() + "@" + sent.offset();
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(
                    letter.partition(),
                    letter.offset(),
                    original,
                    "refused",
                    "could not be written to '" + original.topic() + "': "
                            + e.getCause().getMessage(),
                    null);
        }
        Instant now = Instant.now();
        publisher.publish(
                topics.deadLetterReplays,
                original.key(),
                DeadLetterReplay.newBuilder()
                        .setOriginalTopic(original.topic())
                        .setOriginalPartition(original.partition())
                        .setOriginalOffset(original.offset())
                        .setReplays(replaysOfOriginal + 1)
                        .setLastReplayedAt(now)
                        .setLastReplayedBy(caller.userId())
                        .build());
        String subject = letter.topic() + "/" + letter.partition() + "@" + letter.offset() + " -> " + where;
        publisher.publishAsync(
                topics.audit,
                caller.tenantId(),
                AuditEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(now)
                        .setStatus(200)
                        .setUserId(caller.userId())
                        .setTenantId(caller.tenantId())
                        .setRequiredPermission(OpsAccess.REPLAY)
                        .setMethod(method)
                        .setPath(path)
                        .setReason("replay " + (count + 1) + " of at most " + properties.maxReplays())
                        .setAction("dead_letter_replayed")
                        .setSubject(subject)
                        .build());
        return new Outcome(letter.partition(), letter.offset(), original, "replayed", "replay " + (count + 1), where);
    }

    /** Replays before: the most any of its dead letters carried, plus the replays of this original record. */
    private static int replayCount(List<DeadLetter> letters, Map<String, Integer> ledger) {
        int carried = letters.stream().mapToInt(DeadLetter::replayCount).max().orElse(0);
        return carried + ledger.getOrDefault(letters.get(0).original().key(), 0);
    }

    private DeadLetterView view(List<DeadLetter> group, Map<String, Integer> ledger) {
        DeadLetter first = group.get(0);
        byte[] key = first.record().key();
        String keyText = key == null ? null : utf8(key);
        byte[] value = first.record().value();
        JsonNode valueJson = value == null ? null : decode(first.original().topic(), value);
        return new DeadLetterView(
                first.topic(),
                first.original(),
                keyText,
                key != null && keyText == null ? Base64.getEncoder().encodeToString(key) : null,
                valueJson,
                value != null && valueJson == null ? Base64.getEncoder().encodeToString(value) : null,
                replayCount(group, ledger),
                group.stream().map(DeadLetterView.Failure::of).toList());
    }

    private JsonNode decode(String originalTopic, byte[] value) {
        Topic<String, ?> topic = catalogue.get(originalTopic);
        if (topic == null) {
            return null;
        }
        try {
            Object record = RecordPublisher.read(topic, value);
            return record instanceof SpecificRecord avro ? json.readTree(AvroJson.of(avro)) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Replays so far per original record, from the compacted {@code dead-letter-replays} topic. */
    private Map<String, Integer> ledger() throws Exception {
        Map<String, Integer> replays = new HashMap<>();
        readAll(AdminCalls.partitions(admin, List.of(Topics.DEAD_LETTER_REPLAYS)), 0, record -> {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (key != null && record.value() == null) {
                replays.remove(key);
            } else if (key != null) {
                try {
                    replays.put(
                            key,
                            RecordPublisher.read(topics.deadLetterReplays, record.value())
                                    .getReplays());
                } catch (RuntimeException unreadable) {
                    // Not the platform's writing: it counts no replay, and must not stop operators browsing.
                    LOG.warn(
                            "Skipping an unreadable record on {} at {}@{}: {}",
                            Topics.DEAD_LETTER_REPLAYS,
                            record.partition(),
                            record.offset(),
                            unreadable.toString());
                }
            }
            return true;
        });
        return replays;
    }

    private void scan(List<TopicPartition> partitions, long fromOffset, Predicate<DeadLetter> onLetter) {
        readAll(partitions, fromOffset, record -> onLetter.test(DeadLetter.of(record)));
    }

    /** Reads each partition from {@code fromOffset} (or its start) to its end, at most {@link #MAX_SCAN} records. */
    private void readAll(
            List<TopicPartition> partitions,
            long fromOffset,
            Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> onRecord) {
        try (Consumer<byte[], byte[]> reader = KafkaReading.consumer(consumers, "ops-dead-letters", 500)) {
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions);
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(fromOffset, starts.get(partition));
                if (from < ends.get(partition)) {
                    reader.seek(partition, from);
                    open.add(partition);
                } else {
                    reader.pause(List.of(partition));
                }
            }
            int scanned = 0;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!open.isEmpty() && scanned < MAX_SCAN && System.nanoTime() < deadline) {
                for (var record : reader.poll(Duration.ofMillis(200))) {
                    scanned++;
                    if (!onRecord.test(record)) {
                        return;
                    }
                }
                for (TopicPartition partition : List.copyOf(open)) {
                    if (reader.position(partition) >= ends.get(partition)) {
                        open.remove(partition);
                        reader.pause(List.of(partition));
                    }
                }
            }
        }
    }

    private DeadLetter readOne(TopicPartition partition, long offset) {
        try (Consumer<byte[], byte[]> reader = KafkaReading.consumer(consumers, "ops-dead-letters", 1)) {
            reader.assign(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            long start = reader.beginningOffsets(List.of(partition)).get(partition);
            if (offset < start || offset >= end) {
                return null;
            }
            reader.seek(partition, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && reader.position(partition) <= offset) {
                for (var record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return DeadLetter.of(record);
                    }
                    if (record.offset() > offset) {
                        return null;
                    }
                }
            }
            return null;
        }
    }
}
