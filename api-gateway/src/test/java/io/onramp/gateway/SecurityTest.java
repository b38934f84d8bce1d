package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The front door on the real stack: a denial reaches the {@code audit} topic, the firewall's rejections are answered in
 * the envelope, and health, the API description and the info endpoint answer without a token. Who gets 401, 403 and 400 is the web layer's ({@code SecurityWebTest},
 * {@code TokenWebTest}).
 */
class SecurityTest extends GatewayTestSupport {

    private static final String CREATE = """
            {"title":"Backend screen","duration_seconds":1800}""";

    @Autowired
    Topics topics;

    @Test
    void shouldPublishEveryDenialToTheAuditTopic(Infrastructure infrastructure) {
        String tenant = "audit-" + System.nanoTime();
        http.post("/api/v1/interviews", token("u-audit", tenant, "interviews:read"), CREATE);

        var record = new KafkaProbe(infrastructure.kafkaBootstrapServers())
                .awaitRecord(
                        Topics.AUDIT,
                        r -> TopicRecords.readable(topics.audit, r.value())
                                .filter(audit -> tenant.equals(audit.getTenantId()))
                                .isPresent(),
                        Duration.ofSeconds(30));
        var event = RecordPublisher.read(topics.audit, record.value());
        assertThat(event.getStatus()).isEqualTo(403);
        assertThat(event.getUserId()).isEqualTo("u-audit");
        assertThat(event.getRequiredPermission()).isEqualTo("interviews:manage");
        assertThat(event.getPath()).isEqualTo("/api/v1/interviews");
    }

    /** Spring Security's firewall in front of the servlet (a {@code //} in the path), answered in the envelope. */
    @Test
    void shouldAnswerARejectedUrlInTheEnvelope() {
        var response = http.post("/api/v1/interviews//attempts", token("u-1", "acme", "interviews:create"), "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("status").asString()).isEqualTo("error");
        assertThat(json(response.body()).get("code").asInt()).isEqualTo(400);
    }

    @Test
    void shouldServeHealthAndOpenApiWithoutAToken() {
        assertThat(http.get("/actuator/health", null).body()).contains("\"UP\"");
        assertThat(http.get("/v3/api-docs", null).body()).contains("/api/v1/interviews");
        assertThat(http.get("/actuator/info", null).body()).contains("\"development_tokens\":true");
    }
}
