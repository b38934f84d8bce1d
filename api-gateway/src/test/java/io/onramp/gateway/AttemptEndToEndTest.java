package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Attempts through the gateway: validated against the catalogue and the ACCESS table, owned, tenant-isolated. */
class AttemptEndToEndTest extends GatewayTestSupport {

    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant");
    private final String candidate =
            token("u-cand", tenant, "interviews:create", "interviews:read", "interviews:update", "interviews:delete");
    private final String colleague =
            token("u-other", tenant, "interviews:create", "interviews:read", "interviews:update");
    private final String reviewer = token("u-rev", tenant, "interviews:read_all", "interviews:update");
    private String grantedOnly;
    private String openToAll;

    @BeforeEach
    void catalogue() {
        grantedOnly = define(false);
        openToAll = define(true);
        var granted = http.post("/api/v1/access", admin, AccessEndToEndTest.body("u-cand", List.of(grantedOnly)));
        assertThat(granted.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldStartAnAttemptWithAGrantAndScheduleItsEnd() {
        var response = http.post("/api/v1/interviews/" + grantedOnly + "/attempts", candidate, "");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode attempt = json(response.body());
        assertThat(attempt.get("user_id").asString()).isEqualTo("u-cand");
        assertThat(attempt.get("status").asString()).isEqualTo("in_progress");
        Instant start = Instant.parse(attempt.get("start_datetime").asString());
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(1));
        assertThat(Instant.parse(attempt.get("scheduled_end_datetime").asString()))
                .isEqualTo(start.plusSeconds(900));
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/attempts/" + attempt.get("id").asString());
    }

    @Test
    void shouldTimeEachHopOfTheCommandPath() {
        String before = http.get("/actuator/prometheus", null).body();
        assertThat(http.post("/api/v1/interviews/" + grantedOnly + "/attempts", candidate, "")
                        .statusCode())
                .isEqualTo(201);
        String after = http.get("/actuator/prometheus", null).body();

        for (String hop : List.of("publish", "decide", "commit", "project", "reply")) {
            assertThat(hopCount(after, hop)).as(hop).isGreaterThan(hopCount(before, hop));
        }
    }

    private static double hopCount(String scrape, String hop) {
        return scrape.lines()
                .filter(line -> line.startsWith("onramp_command_hop_seconds_count{") && line.contains("hop=\"" + hop))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void shouldDenyAnAttemptWithoutAGrant() {
        var response = http.post("/api/v1/interviews/" + grantedOnly + "/attempts", colleague, "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).get("message").asString()).isEqualTo("Access denied");
    }

    @Test
    void shouldAllowAnyoneWhenTheInterviewAllowsDefaultAccess() {
        assertThat(http.post("/api/v1/interviews/" + openToAll + "/attempts", colleague, "")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void shouldAnswer404ForAnUnknownOrForeignInterview() {
        var unknown = http.post("/api/v1/interviews/" + UUID.randomUUID() + "/attempts", candidate, "");
        var foreign = http.post(
                "/api/v1/interviews/" + openToAll + "/attempts", token("u-x", "globex", "interviews:create"), "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldKeepAttemptsToTheirOwnerAndTenant() {
        String id = start(candidate, grantedOnly);

        assertThat(http.get("/api/v1/attempts/" + id, candidate).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/attempts/" + id, colleague).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/attempts/" + id, reviewer).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/attempts/" + id, token("u-x", "globex", "interviews:read_all"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/attempts/" + id + "/continue", colleague, "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldListOwnAttemptsAndTenantWideWithReadAll() {
        String mine = start(candidate, grantedOnly);
        String theirs = start(colleague, openToAll);

        assertThat(ids(http.get("/api/v1/attempts", candidate))).contains(mine).doesNotContain(theirs);
        assertThat(ids(http.get("/api/v1/attempts?interview_id=" + openToAll, reviewer)))
                .contains(theirs)
                .doesNotContain(mine);
    }

    @Test
    void shouldContinueThenCompleteThenRefuseToContinue() {
        String id = start(candidate, grantedOnly);

        assertThat(http.post("/api/v1/attempts/" + id + "/continue", candidate, "")
                        .statusCode())
                .isEqualTo(200);
        var completed = http.patch("/api/v1/attempts/" + id, candidate, "{\"status\":\"completed\"}");
        var resumed = http.post("/api/v1/attempts/" + id + "/continue", candidate, "");

        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json(completed.body()).get("status").asString()).isEqualTo("completed");
        assertThat(json(completed.body()).get("end_datetime").isNull()).isFalse();
        assertThat(resumed.statusCode()).isEqualTo(409);
    }

    @Test
    void shouldLetOnlyReadAllUpdateAnotherUsersAttempt() {
        String id = start(candidate, grantedOnly);

        assertThat(http.patch("/api/v1/attempts/" + id, colleague, "{\"status\":\"archived\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.patch("/api/v1/attempts/" + id, reviewer, "{\"status\":\"archived\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.patch("/api/v1/attempts/" + id, reviewer, "{\"status\":\"done\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldSoftDeleteOwnAttempts() {
        String id = start(candidate, grantedOnly);

        assertThat(http.delete("/api/v1/attempts/" + id, candidate, "").statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/attempts/" + id, candidate).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldExportOwnAttemptsAsCsvAndEveryonesWithReadAll() {
        String mine = start(candidate, grantedOnly);
        String theirs = start(colleague, openToAll);
        String exporter = token("u-cand", tenant, "interviews:export");
        String auditor = token("u-aud", tenant, "interviews:export", "interviews:read_all");

        var own = http.post("/api/v1/attempts/export", exporter, "{\"format\":\"csv\"}");
        var all = http.post("/api/v1/attempts/export", auditor, "{\"format\":\"csv\"}");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(own.body().lines().findFirst())
                .hasValue("id,interview_id,user_id,status,start_datetime,scheduled_end_datetime,end_datetime");
        assertThat(own.body()).contains(mine).doesNotContain(theirs);
        assertThat(all.body()).contains(mine, theirs);
    }

    @Test
    void shouldExportAsAPdfThatReadsBack() throws Exception {
        String mine = start(candidate, grantedOnly);

        var response = http.postForBytes(
                "/api/v1/attempts/export", token("u-cand", tenant, "interviews:export"), "{\"format\":\"pdf\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(mine);
        }
    }

    @Test
    void shouldExpireAnAttemptStillInProgressAtItsScheduledEnd() throws InterruptedException {
        var created = http.post("/api/v1/interviews", admin, """
                {"title":"Short","duration_seconds":2,
                 "config":{"is_default_access_allowed":true,"should_end_interview_after_duration":true}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = start(candidate, json(created.body()).get("id").asString());

        JsonNode attempt = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            attempt = json(http.get("/api/v1/attempts/" + id, candidate).body());
            if (attempt.get("status").asString().equals("expired")) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(attempt.get("status").asString()).isEqualTo("expired");
        assertThat(attempt.get("end_datetime").asString())
                .isEqualTo(attempt.get("scheduled_end_datetime").asString());
        assertThat(http.post("/api/v1/attempts/" + id + "/continue", candidate, "")
                        .statusCode())
                .isEqualTo(409);
        assertThat(http.patch("/api/v1/attempts/" + id, candidate, "{\"status\":\"completed\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(ids(http.get("/api/v1/attempts?status=expired", candidate))).containsExactly(id);
    }

    private String define(boolean defaultAccess) {
        var created = http.post("/api/v1/interviews", admin, """
                {"title":"Attempted","duration_seconds":900,
                 "config":{"is_default_access_allowed":%s,"should_end_interview_after_duration":true}}""".formatted(defaultAccess));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created.body()).get("id").asString();
    }

    private String start(String token, String interviewId) {
        var response = http.post("/api/v1/interviews/" + interviewId + "/attempts", token, "");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response.body()).get("id").asString();
    }

    private static List<String> ids(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).values().stream()
                .map(n -> n.get("id").asString())
                .toList();
    }
}
