package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.onramp.devstack.DevTokens;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN §5 at the front door: who gets 401, who gets 403, and what both look like. */
class SecurityTest extends GatewayTestSupport {

    private static final String INTERVIEW = "/api/v1/interviews/8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";
    private static final String CREATE = """
            {"title":"Backend screen","duration_seconds":1800}""";

    @Autowired
    Topics topics;

    @Test
    void shouldAnswer401InTheEnvelopeWithoutAToken() {
        var response = http.get(INTERVIEW, null);

        assertThat(response.statusCode()).isEqualTo(401);
        var body = json(response.body());
        assertThat(body.get("status").asString()).isEqualTo("error");
        assertThat(body.get("code").asInt()).isEqualTo(401);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("authorization");
    }

    @Test
    void shouldAnswer403NamingThePermissionAndListingTheCallersOnes() {
        var response = http.post("/api/v1/interviews", token("u-1", "acme", "interviews:read"), CREATE);

        assertThat(response.statusCode()).isEqualTo(403);
        var error = json(response.body()).get("errors").get(0);
        assertThat(json(response.body()).get("message").asString()).isEqualTo("Insufficient permissions");
        assertThat(error.get("field").asString()).isEqualTo("permissions");
        assertThat(error.get("error").asString()).isEqualTo("Required permission: interviews:manage");
        assertThat(error.get("user_permissions").values())
                .extracting(n -> n.asString())
                .containsExactly("interviews:read");
    }

    @Test
    void shouldAnswer403WhenTheTokenGrantsNoPermissions() {
        var response = http.get(INTERVIEW, token("u-1", "acme"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body())
                        .get("errors")
                        .get(0)
                        .get("user_permissions")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void shouldDropMalformedPermissionStrings() {
        var response = http.get(INTERVIEW, token("u-1", "acme", "Interviews:Read", "interviews", "interviews:read"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldTreatMalformedPermissionsAloneAsNoPermissions() {
        var response = http.get(INTERVIEW, token("u-1", "acme", "INTERVIEWS:READ", "drop table;"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswer401ToAnExpiredToken() {
        String expired = DevTokens.mint(
                DevTokens.DEVELOPMENT_SECRET,
                "u-1",
                "acme",
                List.of("interviews:read"),
                Instant.now().minusSeconds(300));

        assertThat(http.get(INTERVIEW, expired).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401ToATokenSignedWithAnotherKey() {
        String forged = DevTokens.mint(
                "a-different-secret-that-is-at-least-32-bytes-long",
                "u-1",
                "acme",
                List.of("interviews:read"),
                Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(http.get(INTERVIEW, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401ToAnUnsignedAlgNoneToken() {
        var claims = new JWTClaimsSet.Builder()
                .subject("u-1")
                .claim("organization_id", "acme")
                .claim("permissions", List.of("interviews:read"))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        String unsigned = new PlainJWT(
                        new com.nimbusds.jose.PlainHeader.Builder()
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims)
                .serialize();

        assertThat(http.get(INTERVIEW, unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401ToATokenWithoutATenant() {
        String noTenant = DevTokens.mint(
                DevTokens.DEVELOPMENT_SECRET,
                "u-1",
                null,
                List.of("interviews:read"),
                Instant.now().plusSeconds(300));

        assertThat(http.get(INTERVIEW, noTenant).statusCode()).isEqualTo(401);
    }

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

    @Test
    void shouldAnswer400ForAMalformedBody() {
        var response = http.post("/api/v1/interviews", token("u-1", "acme", "interviews:manage"), "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("body");
    }

    @Test
    void shouldAnswer400NamingEachInvalidField() {
        var response = http.post("/api/v1/interviews", token("u-1", "acme", "interviews:manage"), """
                {"id":"not-a-uuid","title":"","duration_seconds":0}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("id", "title", "duration_seconds");
    }

    @Test
    void shouldAnswer400ForAMalformedIdInThePath() {
        var response = http.get(
                "/api/v1/interviews/a1b2c3d4-e5f6-7g8h-9i0j-k1l2m3n4o5p6", token("u-1", "acme", "interviews:read"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("interview_id");
    }

    @Test
    void shouldAnswer404InTheEnvelopeForAnUnknownPath() {
        var response = http.get("/api/v1/no-such-thing", token("u-1", "acme", "interviews:read"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("code").asInt()).isEqualTo(404);
    }

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
