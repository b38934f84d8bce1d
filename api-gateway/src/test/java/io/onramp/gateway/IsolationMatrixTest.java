package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of {@code /v3/api-docs}, sent with the owner's ids in the path by two callers who must not reach the
 * owner's data (DESIGN §5): another tenant holding every permission finds nothing (an addressed resource is a 404), and
 * a colleague in the same tenant holding every permission that acts on the caller's own things is refused the owner's
 * attempts, guest workflow and scheduled interview (403). Nothing of the owner's shows in any answer, and the owner's
 * data is unchanged afterwards. A new operation is covered without editing this test.
 */
class IsolationMatrixTest extends GatewayTestSupport {

    /** Path parameters that name something owned by one user of the tenant; the rest are the tenant's own. */
    private static final Set<String> OWNED = Set.of("{attemptId}", "{guestId}", "{scheduleId}");

    /**
     * Permissions that act on other users' things by design: the {@code *_all} reads, reviewing and enrolling guests,
     * reading and resending the tenant's notifications.
     */
    private static final Set<String> ON_OTHERS =
            Set.of("workflows:review", "workflows:manage", "notifications:read", "notifications:manage");

    @Test
    void anotherTenantFindsNothingOfTheOwnersAndChangesNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner =
                token("u-owner", "owner-" + suffix, Http.everyTenantPermission().toArray(String[]::new));
        Map<String, String> ids = ownersData(owner, suffix);
        Map<String, String> before = snapshot(owner, ids);

        String other =
                token("u-owner", "other-" + suffix, Http.everyTenantPermission().toArray(String[]::new));
        List<String> problems = new ArrayList<>();
        int addressed = sweep(
                other,
                ids,
                (method, path) -> path.contains("{") && !writesOwnNamespace(method, path),
                404,
                List.of(ids.get("interviewId"), ids.get("attemptId"), ids.get("scheduleId")),
                problems);

        assertThat(problems).isEmpty();
        assertThat(addressed).isGreaterThan(25);
        assertThat(snapshot(owner, ids)).as("the owner's data afterwards").isEqualTo(before);
    }

    @Test
    void aColleagueIsRefusedTheOwnersThingsAndChangesNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "owner-" + suffix;
        String owner = token("u-owner", tenant, Http.everyTenantPermission().toArray(String[]::new));
        Map<String, String> ids = ownersData(owner, suffix);
        Map<String, String> before = ownedOnly(snapshot(owner, ids), ids);

        String colleague = token(
                "u-colleague",
                tenant,
                Http.everyTenantPermission().stream()
                        .filter(permission -> !permission.endsWith("_all") && !ON_OTHERS.contains(permission))
                        .toArray(String[]::new));
        List<String> problems = new ArrayList<>();
        int addressed = sweep(
                colleague,
                ids,
                (method, path) -> OWNED.stream().anyMatch(path::contains),
                403,
                List.of(ids.get("attemptId"), ids.get("scheduleId")),
                problems);

        assertThat(problems).isEmpty();
        assertThat(addressed).isGreaterThanOrEqualTo(20);
        // The interview definition and the schedule template are the tenant's: a colleague may change those.
        assertThat(ownedOnly(snapshot(owner, ids), ids))
                .as("the owner's data afterwards")
                .isEqualTo(before);
    }

    private static Map<String, String> ownedOnly(Map<String, String> snapshot, Map<String, String> ids) {
        Map<String, String> owned = new LinkedHashMap<>(snapshot);
        owned.keySet().removeIf(path -> OWNED.stream()
                .map(parameter -> ids.get(parameter.substring(1, parameter.length() - 1)))
                .noneMatch(path::contains));
        assertThat(owned).hasSize(4);
        return owned;
    }

    /**
     * Sends every operation as {@code caller}; those {@code addressesOwner} says reach the owner's resource must answer
     * {@code expected}, none may answer 5xx or show one of {@code hidden} it was not addressed by. Returns how many
     * operations addressed the owner's resources.
     */
    private int sweep(
            String caller,
            Map<String, String> ids,
            BiPredicate<String, String> addressesOwner,
            int expected,
            List<String> hidden,
            List<String> problems) {
        int addressed = 0;
        JsonNode api = json(http.get("/v3/api-docs", null).body());
        for (var path : api.get("paths").properties()) {
            if (path.getKey().startsWith("/api/v1/ops")) {
                continue; // not tenant data: operators only (OpsEndToEndTest)
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String target = substitute(
                        path.getKey(),
                        ids,
                        operation.getKey().equals("post") && path.getKey().endsWith("{action}"));
                JsonNode example = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path("example")
                        .path("value");
                String body = operation.getValue().has("requestBody")
                        ? (example.isMissingNode()
                                ? BODIES.getOrDefault(method + " " + path.getKey(), "{}")
                                : example.toString())
                        : null;
                // Commands addressed at the owner's resources wait for their worker's answer: a 202 would say nothing.
                var response = RawHttp.send(
                        port, method, target, headers(caller, writesOwnNamespace(method, path.getKey())), body);
                String name = method + " " + target + " -> " + response.status();
                if (response.status() >= 500) {
                    problems.add(name + " (server error)");
                }
                // Ids the server generated can only be the owner's; client-chosen ones may name the caller's own.
                for (String id : hidden) {
                    if (response.status() < 300 && response.body().contains(id) && !target.contains(id)) {
                        problems.add(name + " shows the owner's " + id);
                    }
                }
                if (addressesOwner.test(method, path.getKey())) {
                    addressed++;
                    if (response.status() != expected) {
                        problems.add(name + " (expected " + expected + "): " + abbreviated(response.body()));
                    }
                }
            }
        }
        return addressed;
    }

    /** Ids are per tenant: a client-chosen id in another tenant names that tenant's own resource. */
    private static boolean writesOwnNamespace(String method, String path) {
        return (method.equals("PUT")
                        && (path.equals("/api/v1/workflow-definitions/{definitionId}")
                                || path.equals("/api/v1/schedule-templates/{templateId}")
                                || path.equals("/api/v1/people/{userId}")))
                || (method.equals("DELETE") && path.equals("/api/v1/people/{userId}"))
                || (method.equals("GET") && path.equals("/api/v1/access/{userId}"))
                || path.equals("/api/v1/requests/{requestId}");
    }

    private Map<String, String> ownersData(String owner, String suffix) {
        Map<String, String> ids = new LinkedHashMap<>();
        var interview = http.post(
                "/api/v1/interviews",
                owner,
                "{\"title\":\"Owned\",\"duration_seconds\":600,"
                        + "\"config\":{\"is_default_access_allowed\":true,\"should_end_interview_after_duration\":false}}");
        assertThat(interview.statusCode()).as(interview.body()).isEqualTo(201);
        ids.put("interviewId", json(interview.body()).get("id").asString());
        var attempt = http.post("/api/v1/interviews/" + ids.get("interviewId") + "/attempts", owner, "");
        assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(201);
        ids.put("attemptId", json(attempt.body()).get("id").asString());
        Instant start = Instant.now().plus(50, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var schedule = http.post("/api/v1/schedules", owner, """
                {"interview_type":"technical","title":"Owned","scheduled_start":"%s","scheduled_end":"%s",
                 "timezone":"UTC","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"UTC"},
                 "interviewer_ids":["u-owner"],"allow_overlap":true}""".formatted(start, start.plus(1, ChronoUnit.HOURS)));
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        ids.put("scheduleId", json(schedule.body()).get("id").asString());
        ids.put("templateId", "tpl-" + suffix);
        assertThat(http.put(
                                "/api/v1/schedule-templates/" + ids.get("templateId"),
                                owner,
                                "{\"interview_type\":\"technical\",\"duration_minutes\":45,\"title\":\"Owned\"}")
                        .statusCode())
                .isEqualTo(201);
        ids.put("definitionId", "def-" + suffix);
        assertThat(http.put(
                                "/api/v1/workflow-definitions/" + ids.get("definitionId"),
                                owner,
                                "{\"groups\":[{\"key\":\"g\",\"title\":\"G\",\"tasks\":[{\"key\":\"form\",\"title\":\"Form\"}]}]}")
                        .statusCode())
                .isEqualTo(201);
        ids.put("guestId", "guest-" + suffix);
        ids.put("taskId", "form");
        assertThat(http.post(
                                "/api/v1/guests/" + ids.get("guestId") + "/workflow",
                                owner,
                                "{\"definition_id\":\"" + ids.get("definitionId") + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.put(
                                "/api/v1/guests/" + ids.get("guestId") + "/tasks/form/data",
                                token(ids.get("guestId"), owner(owner), "workflows:update"),
                                "{\"responses\":{\"a\":1}}")
                        .statusCode())
                .isEqualTo(200);
        ids.put("userId", "u-owner");
        ids.put("notificationId", UUID.randomUUID().toString());
        ids.put("requestId", UUID.randomUUID().toString());
        return ids;
    }

    private static String owner(String ownerToken) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(ownerToken.split("\\.")[1]));
        return json(payload).get("organization_id").asString();
    }

    /** What must not change: each resource's version, status and last change, as the owner reads them. */
    private Map<String, String> snapshot(String owner, Map<String, String> ids) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/interviews/" + ids.get("interviewId"),
                "/api/v1/attempts/" + ids.get("attemptId"),
                "/api/v1/schedules/" + ids.get("scheduleId"),
                "/api/v1/schedule-templates/" + ids.get("templateId"),
                "/api/v1/workflow-definitions/" + ids.get("definitionId"),
                "/api/v1/guests/" + ids.get("guestId") + "/dashboard",
                "/api/v1/guests/" + ids.get("guestId") + "/tasks/form/data",
                "/api/v1/access/u-owner")) {
            var response = http.get(path, owner);
            JsonNode body = json(response.body());
            seen.put(
                    path,
                    response.statusCode() + " " + body.path("version") + " " + body.path("status") + " "
                            + body.path("updated_at") + " " + body.path("responses") + " "
                            + body.path("interview_ids"));
        }
        return seen;
    }

    private static String substitute(String path, Map<String, String> ids, boolean action) {
        String result = path;
        if (action) {
            result = result.replace("{action}", "confirm");
        }
        for (var id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    private static Map<String, String> headers(String token, boolean async) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        headers.put("If-Match", "\"1\"");
        if (async) {
            headers.put("Prefer", "respond-async");
        }
        return headers;
    }

    /** Valid bodies for operations the description gives no example for, so that the lookup, not validation, answers. */
    private static final Map<String, String> BODIES = Map.of(
            "PUT /api/v1/interviews/{interviewId}", "{\"title\":\"Taken\",\"duration_seconds\":60}",
            "PATCH /api/v1/attempts/{attemptId}", "{\"status\":\"completed\"}",
            "POST /api/v1/attempts/export", "{\"format\":\"csv\"}",
            "PUT /api/v1/schedule-templates/{templateId}",
                    "{\"interview_type\":\"technical\",\"duration_minutes\":30}");

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
