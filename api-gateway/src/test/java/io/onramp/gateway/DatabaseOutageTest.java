package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dependency stopped under commands: the quick variant of {@code ./onramp chaos}. PostgreSQL stopped for longer
 * than a failing record's retries last (six attempts over 5 s of back-off, each waiting up to a second for a
 * connection in tests) while commands are accepted: reads answer 503 in the envelope, the commands wait in Kafka, and
 * once the database is back every one of them is projected; nothing is dead-lettered for want of a database.
 */
class DatabaseOutageTest extends GatewayTestSupport {

    private static final Duration OUTAGE = Duration.ofSeconds(25);

    private final String tenant = "outage-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant", "access:read");

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldProjectEveryCommandAcceptedWhileTheDatabaseWasDown() throws Exception {
        String interview = json(http.post("/api/v1/interviews", admin, """
                                {"title":"Outage","duration_seconds":60}""").body())
                .get("id")
                .asString();
        long deadLettersBefore = deadLetters();
        var infrastructure = DevstackFixture.infrastructure();
        List<String> users = new ArrayList<>();

        infrastructure.down(Infrastructure.Part.POSTGRES);
        Instant stopped = Instant.now();
        try {
            for (int i = 0; i < 10; i++) {
                String user = "u-" + i;
                var accepted = http.post(
                        "/api/v1/access",
                        admin,
                        AccessEndToEndTest.body(user, List.of(interview)),
                        "Prefer",
                        "respond-async");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                users.add(user);
            }
            var read = http.get("/api/v1/interviews/" + interview, admin);
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(json(read.body()).get("code").asInt()).isEqualTo(503);
            Thread.sleep(Math.max(
                    0, OUTAGE.minus(Duration.between(stopped, Instant.now())).toMillis()));
        } finally {
            infrastructure.up(Infrastructure.Part.POSTGRES);
        }

        Instant deadline = Instant.now().plusSeconds(60);
        while (granted(interview) < users.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(grantsOf(interview)).as("grants projected after the outage").isEqualTo(users.size());
        assertThat(deadLetters())
                .as("records dead-lettered for want of a database")
                .isEqualTo(deadLettersBefore);
    }

    /** The grants of {@code interview} in the read model; -1 while this test's own connection pool reconnects. */
    private int granted(String interview) {
        try {
            return grantsOf(interview);
        } catch (DataAccessResourceFailureException reconnecting) {
            return -1;
        }
    }

    private int grantsOf(String interview) {
        return jdbc.sql("SELECT count(*) FROM access.access_grants WHERE tenant_id = ? AND interview_id = ?")
                .params(tenant, interview)
                .query(Integer.class)
                .single();
    }

    /** Records ever written to the dead-letter topic of the access-worker's projection. */
    private static long deadLetters() throws Exception {
        String topic = Topics.ACCESS_OUTCOMES + Topic.DEAD_LETTER_SUFFIX;
        try (var admin = Admin.create(
                Map.of("bootstrap.servers", DevstackFixture.infrastructure().kafkaBootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return admin
                    .listOffsets(partitions.stream()
                            .collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get()
                    .values()
                    .stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }
}
