package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.onramp.devstack.DevTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What an attacker or a careless client sends to the front door (issue reproducers): every answer is a 4xx in the
 * error envelope, never a 5xx, an HTML page or an empty body.
 */
class EdgeEndToEndTest extends GatewayTestSupport {

    private static final String MANAGER = token("u-1", "acme", "interviews:manage", "interviews:read");
    private static final String CREATE = "{\"title\":\"Backend screen\",\"duration_seconds\":1800}";

    private RawHttp.Response raw(String method, String target, Map<String, String> headers, String body) {
        return RawHttp.send(port, method, target, headers, body);
    }

    /** A GET by the manager, asking for {@code accept}. */
    private RawHttp.Response managerGet(String target, String accept) {
        return raw("GET", target, Map.of("Authorization", "Bearer " + MANAGER, "Accept", accept), null);
    }

    private static JsonNode envelope(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/json");
        JsonNode body = json(response.body());
        assertThat(body.get("status").asString()).isEqualTo("error");
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("errors").isArray()).isTrue();
        return body;
    }

    @Test
    void aWildcardContentTypeIs415() {
        envelope(
                raw(
                        "POST",
                        "/api/v1/interviews",
                        Map.of("Authorization", "Bearer " + MANAGER, "Content-Type", "*/*"),
                        CREATE),
                415);
    }

    @Test
    void multipartWithoutABoundaryIs415() {
        envelope(
                raw(
                        "POST",
                        "/api/v1/interviews",
                        Map.of("Authorization", "Bearer " + MANAGER, "Content-Type", "multipart/form-data"),
                        CREATE),
                415);
    }

    @Test
    void aNulInAQueryParameterIs400NamingIt() {
        String reader = token("u-1", "acme", "schedules:read_all");
        JsonNode body = envelope(
                raw("GET", "/api/v1/schedules?interviewer=%00", Map.of("Authorization", "Bearer " + reader), null),
                400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("interviewer");
    }

    @Test
    void aNulInsideAJsonStringIs400NamingTheField() {
        JsonNode body = envelope(
                raw(
                        "POST",
                        "/api/v1/interviews",
                        Map.of("Authorization", "Bearer " + MANAGER, "Content-Type", "application/json"),
                        "{\"title\":\"Back\\u0000end\",\"duration_seconds\":1800}"),
                400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(body.get("errors").get(0).get("error").asString()).contains("control characters");
    }

    @Test
    void aNullCustomRatingIs400() {
        String panel = token("u-7", "acme", "schedules:feedback");
        JsonNode body = envelope(
                raw(
                        "POST",
                        "/api/v1/schedules/" + UUID.randomUUID() + "/feedback",
                        Map.of("Authorization", "Bearer " + panel, "Content-Type", "application/json"),
                        "{\"overall_rating\":4,\"recommendation\":\"yes\",\"custom_ratings\":{\"x\":null}}"),
                400);
        assertThat(body.get("errors").get(0).get("field").asString()).startsWith("custom_ratings");
    }

    @Test
    void aMalformedAcceptIsAnsweredInTheEnvelope() {
        envelope(managerGet("/api/v1/interviews", "*/*;q=x"), 400);
        envelope(managerGet("/api/v1/interviews/" + UUID.randomUUID(), "*/*;q=x"), 400);
    }

    @Test
    void anUnacceptableAcceptStillGetsTheEnvelope() {
        envelope(managerGet("/api/v1/interviews", "text/html"), 406);
        envelope(
                managerGet("/api/v1/interviews/" + UUID.randomUUID(), "application/xml"),
                404); // the failure comes first, in JSON whatever was asked for
        envelope(raw("GET", "/api/v1/interviews", Map.of("Accept", "text/html"), null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "PATCH"})
    void theErrorPathItselfIsNoEndpoint(String method) {
        envelope(raw(method, "/error", Map.of("Content-Type", "application/json"), "{}"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%2F", "%5C", "%zz", "%C0%AF", "a%00b", "..%2F..%2Fetc"})
    void aMalformedPathSegmentIs400(String segment) {
        envelope(raw("GET", "/api/v1/interviews/" + segment, Map.of("Authorization", "Bearer " + MANAGER), null), 400);
    }

    @Test
    void aControlCharacterInAHeaderIs400() {
        envelope(
                raw(
                        "POST",
                        "/api/v1/schedules/" + UUID.randomUUID() + "/cancel",
                        Map.of(
                                "Authorization",
                                "Bearer " + MANAGER,
                                "Content-Type",
                                "application/json",
                                "If-Match",
                                "\"1\u0001\""),
                        "{\"reason\":\"x\"}"),
                400);
    }

    @Test
    void anOversizedHeaderIs431() {
        String huge = "x".repeat(14_000);
        envelope(raw("GET", "/api/v1/interviews", Map.of("Authorization", "Bearer " + huge), null), 431);
    }

    @Test
    void aPermissionsClaimThatIsNotAnArrayGrantsNothing() throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .subject("u-1")
                .claim("organization_id", "acme")
                .claim("permissions", "interviews:read")
                .issueTime(Date.from(Instant.now().minusSeconds(1)))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(DevTokens.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8)));
        String token = jwt.serialize();
        var response = http.get("/api/v1/interviews", token);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body())
                        .get("errors")
                        .get(0)
                        .get("user_permissions")
                        .values())
                .isEmpty();
    }

    @Test
    void whoMayNotReadAnInterviewMayNotChangeIt() {
        String organizer = token("u-org", "acme", "schedules:create", "schedules:read", "schedules:update");
        String start = Instant.now()
                .plus(Duration.ofDays(20))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .toString();
        String end = Instant.parse(start).plus(Duration.ofHours(1)).toString();
        var created = http.post("/api/v1/schedules", organizer, """
                {"interview_type":"technical","title":"Private","scheduled_start":"%s","scheduled_end":"%s",
                 "timezone":"UTC","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"c-9","name":"Casey","email":"casey@example.com","timezone":"UTC"},
                 "interviewer_ids":[],"allow_overlap":true}""".formatted(start, end));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).get("id").asString();

        String outsider = token("u-out", "acme", "schedules:update", "schedules:read");
        assertThat(http.get("/api/v1/schedules/" + id, outsider).statusCode()).isEqualTo(403);
        var cancel = http.post(
                "/api/v1/schedules/" + id + "/cancel", outsider, "{\"reason\":\"mine now\"}", "If-Match", "\"1\"");
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(cancel.body()).doesNotContain("Private");
        assertThat(json(http.get("/api/v1/schedules/" + id, organizer).body())
                        .get("status")
                        .asString())
                .isEqualTo("scheduled");
    }

    @Test
    void storedTextCarriesNoMarkup() {
        var created = http.post(
                "/api/v1/interviews",
                MANAGER,
                "{\"title\":\"<script>alert(1)</script>Backend <b>screen</b>\","
                        + "\"description\":\"<img src=x onerror=alert(1)>SQL &amp; APIs\",\"duration_seconds\":1800}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode interview = json(created.body());
        assertThat(interview.get("title").asString()).isEqualTo("Backend screen");
        assertThat(interview.get("description").asString()).isEqualTo("SQL & APIs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/<script>alert(1)</script>", "/javascript:alert(1)", "/a\"onmouseover=\"x", "/a b"})
    void aLinkPathOutsideTheSafeGrammarIs400(String path) {
        String coordinator = token("u-c", "acme", "workflows:manage");
        var response = http.put(
                "/api/v1/workflow-definitions/links-"
                        + UUID.randomUUID().toString().substring(0, 8),
                coordinator,
                "{\"groups\":[{\"key\":\"g\",\"title\":\"G\",\"tasks\":[{\"key\":\"t\",\"title\":\"T\",\"link_url_path\":"
                        + tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(path) + "}]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("groups[0].tasks[0].link_url_path");
    }

    @Test
    void workflowTextsAreStoredAsPlainText() {
        String coordinator = token("u-c", "acme", "workflows:manage");
        String id = "texts-" + UUID.randomUUID().toString().substring(0, 8);
        var response = http.put(
                "/api/v1/workflow-definitions/" + id,
                coordinator,
                "{\"groups\":[{\"key\":\"g\",\"title\":\"<i>First</i> steps\",\"tasks\":[{\"key\":\"t\","
                        + "\"title\":\"<script>x</script>Apply\",\"description\":\"<a href=javascript:alert(1)>Read</a> this\","
                        + "\"link_text\":\"<b>Go</b>\",\"link_url_path\":\"/apply?step=1#top\"}]}]}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode group = json(response.body()).get("groups").get(0);
        assertThat(group.get("title").asString()).isEqualTo("First steps");
        JsonNode task = group.get("tasks").get(0);
        assertThat(List.of(
                        task.get("title").asString(),
                        task.get("description").asString(),
                        task.get("link_text").asString()))
                .containsExactly("Apply", "Read this", "Go");
        assertThat(task.get("link_url_path").asString()).isEqualTo("/apply?step=1#top");
    }
}
