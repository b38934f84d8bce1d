package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * An unreadable record on every topic of the platform: every application reading the topic — found from the broker
 * (each consumer group's assignment), not from a list kept here, global tables aside — parks it in {@code <topic>.DLT}
 * exactly once, named by its group, and goes on: its committed position moves past the record, and a command that
 * crosses every worker is served afterwards.
 */
class PoisonRecordsTest extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Topics read as global tables, by the application reading them: a global table's consumer has no group, so the
     * broker cannot say who reads them.
     */
    private static final Map<String, String> GLOBAL_TABLES =
            Map.of("interviews", "access-worker", "workflow-definitions", "workflow-worker");

    @BeforeAll
    static void everyWorker() {
        DevstackFixture.service(Service.REMINDER_WORKER);
        DevstackFixture.service(Service.NOTIFICATION_WORKER);
    }

    @Test
    void everyApplicationDeadLettersAPoisonRecordOnceAndGoesOn() throws Exception {
        String servers = DevstackFixture.infrastructure().kafkaBootstrapServers();
        String run = UUID.randomUUID().toString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            Map<String, Set<String>> readers = readers(admin);
            GLOBAL_TABLES.forEach((topic, application) ->
                    readers.computeIfAbsent(topic, t -> new TreeSet<>()).add(application));
            assertThat(readers)
                    .as("topics read by a consumer group")
                    .containsKeys(
                            "enrollments",
                            "access-commands",
                            "attempt-commands",
                            "interview-commands",
                            "workflow-commands",
                            "workflow-definition-commands",
                            "schedule-commands",
                            "schedule-events",
                            "reminders",
                            "people",
                            "notification-commands");

            Map<String, Long> poisoned = new TreeMap<>();
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (String topic : platformTopics(admin)) {
                    var sent = producer.send(new ProducerRecord<>(
                                    topic, 0, bytes("poison/" + run), bytes("not avro " + run + " " + topic)))
                            .get();
                    poisoned.put(topic, sent.offset());
                }
            }

            Map<String, List<String>> deadLetteredBy = awaitDeadLetters(servers, run, poisoned.keySet(), readers);
            deadLetteredBy.forEach((topic, groups) -> assertThat(groups)
                    .as("applications that dead-lettered the poison record of %s", topic)
                    .doesNotHaveDuplicates()
                    .containsAll(readers.get(topic)));

            for (var reader : readers.entrySet()) {
                TopicPartition partition = new TopicPartition(reader.getKey(), 0);
                for (String group : reader.getValue()) {
                    if (GLOBAL_TABLES.containsKey(reader.getKey())) {
                        continue; // a global table keeps its position in a local checkpoint, not in a group
                    }
                    awaitCommittedPast(admin, group, partition, poisoned.get(reader.getKey()));
                }
            }
        }

        assertThat(scheduleAndAwaitItsReminders())
                .as("reminders armed after the poison")
                .hasSize(3);
        // The replay ledger, dead-letter-replays, which the gateway reads without a group, was poisoned too.
        var browsed = http.get(
                "/api/v1/ops/dead-letters/access-commands.DLT?partition=0&limit=500", token("op-1", "ops", "ops:read"));
        assertThat(browsed.statusCode()).as(browsed.body()).isEqualTo(200);
        assertThat(browsed.body()).contains("poison/" + run);
    }

    /** Topic → the consumer groups whose members are assigned partitions of it, platform topics only. */
    private static Map<String, Set<String>> readers(Admin admin) throws Exception {
        Map<String, Set<String>> readers = new TreeMap<>();
        List<String> groups = admin.listConsumerGroups().all().get().stream()
                .map(ConsumerGroupListing::groupId)
                .toList();
        admin.describeConsumerGroups(groups).all().get().values().forEach(group -> group.members()
                .forEach(member -> member.assignment().topicPartitions().stream()
                        .map(TopicPartition::topic)
                        .filter(PoisonRecordsTest::isPlatformTopic)
                        .forEach(topic -> readers.computeIfAbsent(topic, t -> new TreeSet<>())
                                .add(group.groupId()))));
        return readers;
    }

    private static Set<String> platformTopics(Admin admin) throws Exception {
        Set<String> topics = new TreeSet<>(admin.listTopics().names().get());
        topics.removeIf(topic -> !isPlatformTopic(topic));
        return topics;
    }

    private static boolean isPlatformTopic(String topic) {
        return !topic.startsWith("_")
                && !topic.endsWith(Topic.DEAD_LETTER_SUFFIX)
                && !topic.endsWith("-changelog")
                && !topic.endsWith("-repartition");
    }

    /** Topic → the groups named by the dead letters of this run's poison records, once every reader has written. */
    private static Map<String, List<String>> awaitDeadLetters(
            String servers, String run, Set<String> poisoned, Map<String, Set<String>> readers)
            throws InterruptedException {
        Map<String, List<String>> deadLetteredBy = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> deadLetters = poisoned.stream()
                    .map(topic -> new TopicPartition(topic + Topic.DEAD_LETTER_SUFFIX, 0))
                    .toList();
            consumer.assign(deadLetters);
            consumer.seekToBeginning(deadLetters);
            Instant deadline = Instant.now().plus(WAIT);
            Instant settled = null;
            while (Instant.now().isBefore(deadline)
                    && (settled == null || Instant.now().isBefore(settled))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (value.startsWith("not avro " + run + " ")) {
                        Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                        deadLetteredBy
                                .computeIfAbsent(
                                        value.substring(("not avro " + run + " ").length()), t -> new ArrayList<>())
                                .add(group == null ? "(none)" : new String(group.value(), StandardCharsets.UTF_8));
                    }
                }
                boolean complete = readers.entrySet().stream().allMatch(reader -> deadLetteredBy
                        .getOrDefault(reader.getKey(), List.of())
                        .containsAll(reader.getValue()));
                if (complete && settled == null) {
                    settled = Instant.now().plusSeconds(3); // time for a second, duplicate dead letter to show
                }
            }
        }
        assertThat(deadLetteredBy.keySet())
                .as("topics whose poison was dead-lettered")
                .isEqualTo(readers.keySet());
        return deadLetteredBy;
    }

    private static void awaitCommittedPast(Admin admin, String group, TopicPartition partition, long offset)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        OffsetAndMetadata committed = null;
        while (Instant.now().isBefore(deadline)) {
            committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            if (committed != null && committed.offset() > offset) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(group + " never moved past " + partition + "@" + offset + "; committed " + committed);
    }

    private JsonNode scheduleAndAwaitItsReminders() throws InterruptedException {
        String tenant = "poison-" + UUID.randomUUID();
        String recruiter = token("u-1", tenant, "schedules:create", "schedules:read_all");
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var created = http.post("/api/v1/schedules", recruiter, """
                {"interview_type":"technical","title":"After the poison","scheduled_start":"%s","scheduled_end":"%s",
                 "timezone":"UTC","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"UTC"},
                 "allow_overlap":true}""".formatted(start, start.plus(1, ChronoUnit.HOURS)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/schedules/" + json(created.body()).get("id").asString() + "/reminders";
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode reminders = null;
        while (Instant.now().isBefore(deadline)) {
            reminders = json(http.get(path, recruiter).body());
            if (reminders.size() == 3) {
                return reminders;
            }
            Thread.sleep(200);
        }
        return reminders;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
