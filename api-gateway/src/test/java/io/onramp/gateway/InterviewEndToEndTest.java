package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The proving path through every layer: gateway → Kafka → access-worker (Streams) → PostgreSQL → reply → gateway. */
class InterviewEndToEndTest extends GatewayTestSupport {

    private final String tenant = "acme-" + UUID.randomUUID();
    private final String manager = token("u-admin", tenant, "interviews:manage");
    private final String reader = token("u-reader", tenant, "interviews:read");

    @Test
    void shouldCreateAnInterviewAndReadItBackAtOnce() {
        var created = http.post("/api/v1/interviews", manager, """
                {"title":"Backend screen","description":"Live coding","duration_seconds":1800,
                 "config":{"is_default_access_allowed":false,"should_end_interview_after_duration":true}}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created.body());
        String id = body.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/interviews/" + id);
        assertThat(body.get("title").asString()).isEqualTo("Backend screen");
        assertThat(body.get("duration_seconds").asInt()).isEqualTo(1800);
        assertThat(body.get("config").get("should_end_interview_after_duration").asBoolean())
                .isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("created_by").asString()).isEqualTo("u-admin");

        var read = http.get("/api/v1/interviews/" + id, reader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body())).isEqualTo(body);
    }

    @Test
    void shouldUpdateAnInterviewAndListTheCatalogueNewestFirst() {
        String first = json(http.post("/api/v1/interviews", manager, """
                                {"title":"First","duration_seconds":600}""").body())
                .get("id")
                .asString();
        String second = json(http.post("/api/v1/interviews", manager, """
                                {"title":"Second","duration_seconds":600}""").body())
                .get("id")
                .asString();

        var updated = http.put("/api/v1/interviews/" + first, manager, """
                {"title":"First, revised","duration_seconds":900}""");
        var unknown = http.put("/api/v1/interviews/" + UUID.randomUUID(), manager, """
                {"title":"Nobody","duration_seconds":900}""");

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated.body()).get("title").asString()).isEqualTo("First, revised");
        assertThat(json(updated.body()).get("version").asLong()).isEqualTo(2);
        assertThat(unknown.statusCode()).isEqualTo(404);
        var page = json(http.get("/api/v1/interviews?size=2", reader).body());
        assertThat(page.values()).extracting(n -> n.get("id").asString()).containsExactly(second, first);
    }

    @Test
    void shouldHideAnInterviewFromAnotherTenant() {
        String id = json(http.post("/api/v1/interviews", manager, """
                                {"title":"Ours","duration_seconds":600}""").body())
                .get("id")
                .asString();

        var response = http.get("/api/v1/interviews/" + id, token("u-x", "globex", "interviews:read_all"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void shouldAnswer409WhenTheIdIsTaken() {
        String id = UUID.randomUUID().toString();
        String body = """
                {"id":"%s","title":"Once","duration_seconds":600}""".formatted(id);
        assertThat(http.post("/api/v1/interviews", manager, body).statusCode()).isEqualTo(201);

        var again = http.post("/api/v1/interviews", manager, body);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("id");
    }

    @Test
    void shouldAnswer202AndLetTheClientPollWhenItPrefersNotToWait() throws InterruptedException {
        var accepted = http.post("/api/v1/interviews", manager, """
                {"title":"Async","duration_seconds":600}""", "Prefer", "respond-async");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String statusUrl = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode status = awaitCompleted(statusUrl);
        assertThat(status.get("http_status").asInt()).isEqualTo(201);
        var read = http.get(status.get("location").asString(), reader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("title").asString()).isEqualTo("Async");
    }

    @Test
    void shouldDeadLetterANonAvroCommandAndStillProcessTheNext(Infrastructure infrastructure) {
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        byte[] garbage = ("{\"not\":\"avro\"} " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.INTERVIEW_COMMANDS, (tenant + "/x").getBytes(StandardCharsets.UTF_8), garbage);

        var next = http.post("/api/v1/interviews", manager, """
                {"title":"After garbage","duration_seconds":600}""");

        assertThat(next.statusCode()).isEqualTo(201);
        probe.awaitRecord(
                Topics.INTERVIEW_COMMANDS + ".DLT", r -> Arrays.equals(r.value(), garbage), Duration.ofSeconds(30));
    }

    private JsonNode awaitCompleted(String statusUrl) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var response = http.get(statusUrl, reader);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode status = json(response.body());
            if (status.get("status").asString().equals("completed")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request " + statusUrl + " still pending after 30 s");
    }
}
