package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.AuditEvent;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Operations through the gateway on the real stack (DESIGN §13): consumer lag and its status from Kafka's offsets, and
 * dead letters browsed and replayed to the running access-worker.
 */
class OpsEndToEndTest extends GatewayTestSupport {

    private static final String OPERATOR = token("op-1", "ops", "ops:read", "ops:replay");
    private static final String READER = token("op-2", "ops", "ops:read");
    private static final String DLT = "access-commands.DLT";

    @Autowired
    Admin opsAdmin;

    @Autowired
    KafkaTemplate<Object, byte[]> bytesTemplate;

    @Autowired
    Topics topics;

    @Test
    void showsTheBacklogAndAgeOfAPausedConsumerThenStallThenStop() throws Exception {
        String topic = newTopic("ops-lag");
        long written = Instant.now().minusSeconds(30).toEpochMilli();
        try (var producer = producer(Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, 0, written, "k" + i, "v" + i))
                        .get();
            }
        }
        String group = "ops-paused-" + UUID.randomUUID();
        var consumer = consumer(group);
        var partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)));
        // A member that holds the partition and has stopped consuming: subscribe and poll once, then no more.
        consumer.unsubscribe();
        consumer.subscribe(List.of(topic));
        consumer.poll(Duration.ofSeconds(5));
        consumer.pause(consumer.assignment());

        JsonNode paused = await(
                "lag of " + group,
                () -> partitionLag(group, topic),
                p -> p != null && p.get("lag").asLong() == 8);
        // The age of the oldest unconsumed record when the offsets were sampled, not now: a sample can be seconds
        // old on a loaded machine.
        double age = (Instant.parse(paused.get("sampled_at").asString()).toEpochMilli() - written) / 1000.0;
        assertThat(paused.get("committed_offset").asLong()).isEqualTo(2);
        assertThat(paused.get("end_offset").asLong()).isEqualTo(10);
        assertThat(paused.get("lag_seconds").asDouble()).isBetween(age - 5, age + 1);

        await(
                "STALL of " + group,
                () -> groupLag(group),
                g -> g != null && g.get("status").asString().equals("STALL"));
        consumer.close();
        await(
                "STOP of " + group,
                () -> groupLag(group),
                g -> g != null && g.get("status").asString().equals("STOP"));
    }

    @Test
    void aCommitMarkerAtTheEndIsNoLag() throws Exception {
        String topic = newTopic("ops-tx");
        try (var producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ops-tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
            }
            producer.commitTransaction();
        }
        String group = "ops-eos-" + UUID.randomUUID();
        try (var consumer = consumer(group)) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            // What an exactly-once consumer commits after the last record: its offset + 1, before the marker.
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(3)));
        }
        JsonNode lag = await("lag of " + group, () -> partitionLag(group, topic), p -> p != null);
        assertThat(lag.get("end_offset").asLong()).isEqualTo(4);
        assertThat(lag.get("lag").asLong()).isZero();
        assertThat(groupLag(group).get("status").asString()).isEqualTo("OK");
    }

    @Test
    void theIdleExactlyOnceWorkersAreOkWithNoLagAndScrapedUnderTheExporterNames() throws Exception {
        await(
                "access-worker at rest",
                () -> groupLag("access-worker"),
                g -> g != null
                        && g.get("status").asString().equals("OK")
                        && g.get("lag").asLong() == 0);
        await(
                "workflow-worker at rest",
                () -> groupLag("workflow-worker"),
                g -> g != null
                        && g.get("status").asString().equals("OK")
                        && g.get("lag").asLong() == 0);

        // The gateway's reply reader joins no group: nothing is left behind to show as stopped.
        assertThat(opsAdmin.listGroups().all().get())
                .extracting(org.apache.kafka.clients.admin.GroupListing::groupId)
                .noneMatch(group -> group.startsWith("api-gateway"));

        String scrape = http.get("/actuator/prometheus", null).body();
        for (String metric : List.of(
                "kafka_consumergroup_group_lag{",
                "kafka_consumergroup_group_lag_seconds{",
                "kafka_consumergroup_group_max_lag_seconds{")) {
            assertThat(scrape.lines().filter(line -> line.startsWith(metric)))
                    .as(metric)
                    .anyMatch(line ->
                            line.contains("group=\"access-worker\"") && line.contains("cluster_name=\"onramp\""));
        }
        assertThat(scrape).contains("topic=\"access-commands\"", "member_host=", "client_id=", "consumer_id=");
        assertThat(scrape).contains("onramp_dead_letters{topic=\"access-commands.DLT\"}");
    }

    @Test
    void aPoisonRecordIsBrowsedWithItsFailureAndReplayedAtMostThreeTimes() throws Exception {
        String key = Keys.of("acme", "poison-" + UUID.randomUUID());
        var sent = bytesTemplate
                .send(Topics.ACCESS_COMMANDS, key, "not an access command".getBytes(StandardCharsets.UTF_8))
                .get()
                .getRecordMetadata();

        JsonNode letter = deadLetterOf(sent.partition(), sent.offset());
        assertThat(letter.get("key").asString()).isEqualTo(key);
        assertThat(letter.get("value").isNull()).isTrue();
        assertThat(new String(
                        java.util.Base64.getDecoder()
                                .decode(letter.get("value_base64").asString()),
                        StandardCharsets.UTF_8))
                .isEqualTo("not an access command");
        JsonNode failure = letter.get("failures").get(0);
        assertThat(failure.get("consumer_group").asString()).isEqualTo("access-worker");
        String exception = failure.get("exception_class").asString();
        assertThat(exception).isNotBlank();
        assertThat(browse("?exception=" + exception.substring(exception.lastIndexOf('.') + 1)))
                .anyMatch(l -> l.get("original").get("offset").asLong() == sent.offset());
        assertThat(browse("?exception=NoSuchException")).isEmpty();
        await("depth counted", this::depth, depth -> depth >= 1);

        // A dry run says what would happen and changes nothing.
        long endBefore = endOffset(Topics.ACCESS_COMMANDS, sent.partition());
        JsonNode dry = replay(addresses(failure), true);
        assertThat(dry.get("dry_run").asBoolean()).isTrue();
        assertThat(dry.get("replayed").asInt()).isEqualTo(1);
        assertThat(endOffset(Topics.ACCESS_COMMANDS, sent.partition())).isEqualTo(endBefore);

        // The fault is not fixed: every replay comes back, one count higher, until the fourth is refused.
        JsonNode current = letter;
        for (int replay = 1; replay <= 3; replay++) {
            JsonNode result = replay(addresses(current.get("failures").get(0)), false);
            assertThat(result.get("replayed").asInt()).as("replay %d", replay).isEqualTo(1);
            String to = result.get("outcomes").get(0).get("replayed_to").asString();
            long offset = Long.parseLong(to.substring(to.indexOf('@') + 1));
            current = deadLetterOf(sent.partition(), offset);
            assertThat(current.get("replay_count").asInt()).isEqualTo(replay);
        }
        JsonNode refused = replay(addresses(current.get("failures").get(0)), false);
        assertThat(refused.get("refused").asInt()).isEqualTo(1);
        assertThat(refused.get("replayed").asInt()).isZero();
        assertThat(refused.get("outcomes").get(0).get("reason").asString()).contains("replayed 3 times");

        assertThat(auditedReplays())
                .anyMatch(event -> event.getUserId().equals("op-1")
                        && event.getSubject()
                                .startsWith(DLT + "/" + sent.partition() + "@"
                                        + failure.get("offset").asLong()));
    }

    @Test
    void aRecordDeadLetteredByTwoApplicationsIsReplayedOnceAndProcessedOnceTheFaultIsGone() throws Exception {
        String tenant = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = token("u-admin", tenant, "interviews:manage", "access:read");
        var created = http.post("/api/v1/interviews", admin, "{\"title\":\"Replayed\",\"duration_seconds\":600}");
        assertThat(created.statusCode()).isEqualTo(201);
        String interview = json(created.body()).get("id").asString();

        // What two applications parked while the registry was unreachable: one valid grant, two dead letters.
        String key = Keys.of(tenant, "u-replayed");
        var command = AccessCommand.newBuilder()
                .setMetadata(CommandMetadata.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setTenantId(tenant)
                        .setUserId("u-admin")
                        .setIssuedAt(Instant.now())
                        .build())
                .setPayload(GrantAccess.newBuilder()
                        .setUserId("u-replayed")
                        .setInterviewIds(List.of(interview))
                        .build())
                .build();
        byte[] value = topics.accessCommands.valueSerde().serializer().serialize(Topics.ACCESS_COMMANDS, command);
        int partitions = opsAdmin.describeTopics(List.of(Topics.ACCESS_COMMANDS))
                .allTopicNames()
                .get()
                .get(Topics.ACCESS_COMMANDS)
                .partitions()
                .size();
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        long originalOffset = 1_000_000L + (long) (Math.random() * 1_000_000);
        var first = parkDeadLetter(partition, originalOffset, key, value, "access-worker");
        var second = parkDeadLetter(partition, originalOffset, key, value, "access-audit-mirror");

        JsonNode letter = deadLetterOf(partition, originalOffset);
        assertThat(letter.get("failures").values())
                .extracting(f -> f.get("consumer_group").asString())
                .containsExactlyInAnyOrder("access-worker", "access-audit-mirror");
        assertThat(letter.get("value").get("payload").get("user_id").asString()).isEqualTo("u-replayed");

        long endBefore = endOffset(Topics.ACCESS_COMMANDS, partition);
        JsonNode result = replay("{\"records\":[{\"partition\":%d,\"offset\":%d},{\"partition\":%d,\"offset\":%d}]}"
                .formatted(first.partition(), first.offset(), second.partition(), second.offset()));
        assertThat(result.get("replayed").asInt()).isEqualTo(1);
        assertThat(result.get("skipped").asInt()).isEqualTo(1);
        assertThat(endOffset(Topics.ACCESS_COMMANDS, partition)).isEqualTo(endBefore + 1);

        await(
                "the replayed grant applied",
                () -> http.get("/api/v1/access/u-replayed", admin),
                response -> response.statusCode() == 200 && response.body().contains(interview));
    }

    @Test
    void onlyOperatorsOperate() {
        assertThat(http.get("/api/v1/ops/lag", READER).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/ops/dead-letters/" + DLT, READER).statusCode())
                .isEqualTo(200);
        var readerReplay =
                http.post("/api/v1/ops/dead-letters/" + DLT + "/replay", READER, "{\"all\":true,\"dry_run\":true}");
        assertThat(readerReplay.statusCode()).isEqualTo(403);
        assertThat(json(readerReplay.body()).get("errors").get(0).get("error").asString())
                .contains("ops:replay");

        String tenantWithOps = token("u-1", "acme", "ops:read", "ops:replay");
        for (var response : List.of(
                http.get("/api/v1/ops/lag", tenantWithOps),
                http.get("/api/v1/ops/dead-letters", tenantWithOps),
                http.post("/api/v1/ops/dead-letters/" + DLT + "/replay", tenantWithOps, "{\"all\":true}"))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response.body()).get("errors").get(0).get("error").asString())
                    .contains("operator organisation");
        }

        assertThat(http.get("/api/v1/ops/dead-letters/access-commands", READER).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/ops/dead-letters/no-such-topic.DLT", READER)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/ops/dead-letters/" + DLT + "?limit=0", READER)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/ops/dead-letters/" + DLT + "/replay", OPERATOR, "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/v1/ops/dead-letters/" + DLT + "/replay",
                                OPERATOR,
                                "{\"records\":[{\"partition\":-1,\"offset\":0}]}")
                        .statusCode())
                .isEqualTo(400);
        var topics = json(http.get("/api/v1/ops/dead-letters", READER).body());
        assertThat(topics.values())
                .anyMatch(t -> t.get("topic").asString().equals(DLT)
                        && t.get("original_topic").asString().equals("access-commands"));
    }

    // --- helpers ---

    private String newTopic(String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID();
        opsAdmin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        return name;
    }

    private static KafkaProducer<String, String> producer(Map<String, String> extra) {
        var properties = new Properties();
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevstackFixture.infrastructure().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.putAll(extra);
        return new KafkaProducer<>(properties);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        var properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevstackFixture.infrastructure().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group == null ? "" : group);
        if (group == null) {
            properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties);
    }

    private JsonNode groupLag(String group) {
        return groupLag(lagReport(), group);
    }

    private JsonNode lagReport() {
        var response = http.get("/api/v1/ops/lag", READER);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }

    private static JsonNode groupLag(JsonNode report, String group) {
        for (JsonNode candidate : report.get("groups").values()) {
            if (candidate.get("group").asString().equals(group)) {
                return candidate;
            }
        }
        return null;
    }

    /** The partition's lag, with the report's {@code sampled_at} added. */
    private JsonNode partitionLag(String group, String topic) {
        JsonNode report = lagReport();
        JsonNode found = groupLag(report, group);
        if (found == null) {
            return null;
        }
        for (JsonNode partition : found.get("partitions").values()) {
            if (partition.get("topic").asString().equals(topic)) {
                return ((tools.jackson.databind.node.ObjectNode) partition.deepCopy())
                        .put("sampled_at", report.get("sampled_at").asString());
            }
        }
        return null;
    }

    private List<JsonNode> browse(String query) {
        var response = http.get("/api/v1/ops/dead-letters/" + DLT + query, READER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).values().stream().toList();
    }

    private JsonNode deadLetterOf(int partition, long originalOffset) throws Exception {
        return await(
                "dead letter of access-commands/" + partition + "@" + originalOffset,
                () -> browse("?partition=" + partition + "&limit=500").stream()
                        .filter(l -> l.get("original").get("offset").asLong() == originalOffset)
                        .findFirst()
                        .orElse(null),
                letter -> letter != null);
    }

    private long depth() {
        for (JsonNode topic :
                json(http.get("/api/v1/ops/dead-letters", READER).body()).values()) {
            if (topic.get("topic").asString().equals(DLT)) {
                return topic.get("depth").asLong();
            }
        }
        return -1;
    }

    private static String addresses(JsonNode failure) {
        return "{\"records\":[{\"partition\":%d,\"offset\":%d}]}"
                .formatted(
                        failure.get("partition").asInt(), failure.get("offset").asLong());
    }

    private JsonNode replay(String body, boolean dryRun) {
        return replay(body.substring(0, body.length() - 1) + ",\"dry_run\":" + dryRun + "}");
    }

    private JsonNode replay(String body) {
        var response = http.post("/api/v1/ops/dead-letters/" + DLT + "/replay", OPERATOR, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private long endOffset(String topic, int partition) {
        try (var consumer = consumer(null)) {
            var tp = new TopicPartition(topic, partition);
            return consumer.endOffsets(List.of(tp)).get(tp);
        }
    }

    private org.apache.kafka.clients.producer.RecordMetadata parkDeadLetter(
            int partition, long originalOffset, String key, byte[] value, String group) throws Exception {
        var headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.ACCESS_COMMANDS.getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(partition).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(originalOffset).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.apache.kafka.common.errors.TimeoutException".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "registry unreachable".getBytes(StandardCharsets.UTF_8));
        return bytesTemplate
                .send(new ProducerRecord<Object, byte[]>(
                        DLT, partition, null, key.getBytes(StandardCharsets.UTF_8), value, headers))
                .get()
                .getRecordMetadata();
    }

    private List<AuditEvent> auditedReplays() {
        List<AuditEvent> replays = new ArrayList<>();
        try (var consumer = consumer(null)) {
            var partitions = consumer.partitionsFor(Topics.AUDIT).stream()
                    .map(info -> new TopicPartition(Topics.AUDIT, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TopicRecords.readable(topics.audit, record.value())
                            .filter(event -> event.getAction().equals("dead_letter_replayed"))
                            .ifPresent(replays::add);
                }
            }
        }
        return replays;
    }

    private static <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " not reached; last seen: " + last);
    }
}
