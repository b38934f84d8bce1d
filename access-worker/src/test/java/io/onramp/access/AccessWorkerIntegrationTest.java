package io.onramp.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.access.topology.InterviewCommands;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.DevstackExtension;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The access-worker on the real stack: Streams, the projection, the reply, and dead letters. */
@ExtendWith(DevstackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessWorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DevstackFixture.infrastructure().serviceEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    Topics topics;

    @Autowired
    RecordPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void shouldProjectACreatedInterviewAndThenReply(Infrastructure infrastructure) {
        String requestId = UUID.randomUUID().toString();
        String interviewId = UUID.randomUUID().toString();

        publisher.publish(
                topics.interviewCommands,
                InterviewCommands.key("acme", interviewId),
                InterviewCommands.create("acme", interviewId, "Backend screen", requestId));

        var reply = RecordPublisher.read(
                topics.commandReplies,
                awaitKey(infrastructure, Topics.COMMAND_REPLIES, requestId).value());
        assertThat(reply.getOutcome()).isEqualTo(CommandOutcome.CREATED);
        assertThat(jdbc.sql("SELECT title FROM interviews WHERE tenant_id = 'acme' AND interview_id = ?")
                        .param(interviewId)
                        .query(String.class)
                        .single())
                .isEqualTo("Backend screen");
        assertThat(jdbc.sql("SELECT outcome FROM command_outcomes WHERE request_id = ?")
                        .param(requestId)
                        .query(String.class)
                        .single())
                .isEqualTo("CREATED");
    }

    @Test
    void shouldDeadLetterAnUnreadableCommandAndGoOnWithTheNext(Infrastructure infrastructure) {
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.INTERVIEW_COMMANDS, "acme/x".getBytes(StandardCharsets.UTF_8), garbage);
        String requestId = UUID.randomUUID().toString();
        String interviewId = UUID.randomUUID().toString();
        publisher.publish(
                topics.interviewCommands,
                InterviewCommands.key("acme", interviewId),
                InterviewCommands.create("acme", interviewId, "After the garbage", requestId));

        var dead = probe.awaitRecord(Topics.INTERVIEW_COMMANDS + ".DLT", r -> Arrays.equals(r.value(), garbage), WAIT);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(Topics.INTERVIEW_COMMANDS);
        awaitKey(infrastructure, Topics.COMMAND_REPLIES, requestId);
    }

    @Test
    void shouldDeadLetterAnUnreadableOutcomeInTheProjection(Infrastructure infrastructure) {
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        byte[] garbage = ("not an outcome " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        probe.send(Topics.ACCESS_OUTCOMES, "acme/y".getBytes(StandardCharsets.UTF_8), garbage);

        var dead = probe.awaitRecord(Topics.ACCESS_OUTCOMES + ".DLT", r -> Arrays.equals(r.value(), garbage), WAIT);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }

    @Test
    void shouldReportHealthAndPrometheusMetrics() {
        var http = RestClient.create("http://127.0.0.1:" + port);

        assertThat(http.get().uri("/actuator/health").retrieve().body(String.class))
                .contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("kafka_stream");
    }

    private static ConsumerRecord<byte[], byte[]> awaitKey(Infrastructure infrastructure, String topic, String key) {
        return new KafkaProbe(infrastructure.kafkaBootstrapServers())
                .awaitRecord(topic, r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)), WAIT);
    }
}
