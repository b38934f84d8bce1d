package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Guest workflows through the gateway, the workflow-worker's TASK-STATE table and its read model. */
class WorkflowEndToEndTest extends GatewayTestSupport {

    /** The tenant the dev profile seeds with the default guest onboarding definition. */
    private static final String SEEDED_TENANT = "acme";

    private static final String TWO_GROUPS = """
            {"groups":[
              {"key":"apply","title":"Apply","tasks":[
                {"key":"form","title":"Form","description":"Fill it in","link_text":"Open","link_url_path":"/form"},
                {"key":"interview","title":"Interview","link_url_path":"/schedule"}]},
              {"key":"match","title":"Match","tasks":[{"key":"host","title":"Host"}]}]}""";

    @Autowired
    Topics topics;

    private final String tenant = "wf-" + UUID.randomUUID();
    private final String manager = token("u-coordinator", tenant, "workflows:manage", "workflows:read_all");
    private final String reviewer = token("u-reviewer", tenant, "workflows:review", "workflows:read_all");

    @Test
    void shouldWalkTheSeededGuestOnboardingFromStartToComplete() throws InterruptedException {
        String admin = token("u-coordinator", SEEDED_TENANT, "workflows:manage", "workflows:read_all");
        awaitDefinition(admin, "guest-onboarding");
        String guestId = "guest-" + UUID.randomUUID();
        String guest = token(guestId, SEEDED_TENANT, "workflows:read", "workflows:update");

        var enrolled = http.post("/api/v1/guests/" + guestId + "/workflow", admin, """
                {"definition_id":"guest-onboarding"}""");

        assertThat(enrolled.statusCode()).isEqualTo(201);
        assertThat(enrolled.headers().firstValue("Location")).hasValue("/api/v1/guests/" + guestId + "/dashboard");
        JsonNode dashboard =
                json(http.get("/api/v1/guests/" + guestId + "/dashboard", guest).body());
        assertThat(texts(dashboard.get("groups"), "id"))
                .containsExactly("application_and_onboarding", "host_matching", "match_finalization");
        assertThat(texts(dashboard.get("groups"), "status")).containsExactly("start", "locked", "locked");
        JsonNode application = dashboard.get("groups").get(0).get("tasks").get(0);
        assertThat(application.get("id").asString()).isEqualTo("application");
        assertThat(application.get("title").asString()).isEqualTo("Application");
        assertThat(application.get("description").asString())
                .isEqualTo("Start your guest application to move on to the next step.");
        assertThat(application.get("link_text").asString()).isEqualTo("Start application");
        assertThat(application.get("link_url_path").asString()).isEqualTo("/guest-application");
        assertThat(statuses(dashboard)).containsExactly("start", "locked", "locked", "locked", "locked", "locked");

        var outOfOrder = move(guest, guestId, "training_session", "complete");
        assertThat(outOfOrder.statusCode()).isEqualTo(409);
        assertThat(json(outOfOrder.body()).get("message").asString())
                .isEqualTo("Task 'training_session' is locked; it cannot move to complete");

        List<String> order = new ArrayList<>();
        dashboard.get("groups").forEach(group -> group.get("tasks")
                .forEach(task -> order.add(task.get("id").asString())));
        JsonNode last = null;
        for (String task : order) {
            assertThat(move(guest, guestId, task, "in_progress").statusCode()).isEqualTo(200);
            var done = move(guest, guestId, task, "complete");
            assertThat(done.statusCode()).as(task).isEqualTo(200);
            last = json(done.body());
        }
        assertThat(last.get("status").asString()).isEqualTo("complete");
        assertThat(statuses(last)).containsOnly("complete");
        assertThat(texts(last.get("groups"), "status")).containsOnly("complete");

        var afterComplete = move(guest, guestId, "application", "in_progress");
        assertThat(afterComplete.statusCode()).isEqualTo(409);
        assertThat(json(afterComplete.body()).get("message").asString()).contains("is complete");
    }

    @Test
    void shouldKeepEnrolledGuestsOnTheirVersionAndEnrolNewGuestsOnTheLatest() {
        var first = http.put("/api/v1/workflow-definitions/onboarding", manager, TWO_GROUPS);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first.body()).get("version").asInt()).isEqualTo(1);
        assertThat(http.put("/api/v1/workflow-definitions/onboarding", manager, TWO_GROUPS)
                        .statusCode())
                .as("the same content keeps its version")
                .isEqualTo(200);
        assertLatestVersion("onboarding", 1);
        enrol("guest-early", "onboarding");

        var second = http.put(
                "/api/v1/workflow-definitions/onboarding",
                manager,
                TWO_GROUPS.replace("{\"key\":\"host\",\"title\":\"Host\"}", """
                        {"key":"host","title":"Host"},{"key":"agreement","title":"Agreement"}"""));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).get("version").asInt()).isEqualTo(2);
        assertLatestVersion("onboarding", 2);
        enrol("guest-late", "onboarding");

        JsonNode early =
                json(http.get("/api/v1/guests/guest-early/dashboard", manager).body());
        JsonNode late =
                json(http.get("/api/v1/guests/guest-late/dashboard", manager).body());
        assertThat(early.get("definition_version").asInt()).isEqualTo(1);
        assertThat(statuses(early)).hasSize(3);
        assertThat(late.get("definition_version").asInt()).isEqualTo(2);
        assertThat(statuses(late)).hasSize(4);
        var v1 = http.get("/api/v1/workflow-definitions/onboarding?version=1", manager);
        assertThat(json(v1.body()).get("groups").get(1).get("tasks")).hasSize(1);
    }

    @Test
    void shouldLetAReviewerAskForMoreInformationAndCompleteOnTheGuestsBehalf() {
        defineAndEnrol("guest-1");
        String guest = token("guest-1", tenant, "workflows:read", "workflows:update");
        move(guest, "guest-1", "form", "in_progress");

        var asGuest = http.post("/api/v1/guests/guest-1/tasks/form/status", guest, """
                {"status":"more_information_needed","note":"Upload your ID"}""");
        assertThat(asGuest.statusCode()).isEqualTo(403);

        var review = http.post("/api/v1/guests/guest-1/tasks/form/status", reviewer, """
                {"status":"more_information_needed","note":"Upload your ID"}""");
        assertThat(review.statusCode()).isEqualTo(200);
        JsonNode form = json(review.body()).get("groups").get(0).get("tasks").get(0);
        assertThat(form.get("status").asString()).isEqualTo("more_information_needed");
        assertThat(form.get("note").asString()).isEqualTo("Upload your ID");
        assertThat(json(review.body()).get("groups").get(0).get("status").asString())
                .isEqualTo("more_information_needed");

        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        probe.awaitRecord(
                Topics.WORKFLOW_EVENTS,
                record -> TopicRecords.readable(topics.workflowEvents, record.value())
                        .filter(event -> event.getTenantId().equals(tenant)
                                && event.getToStatus() == WorkflowStatus.MORE_INFORMATION_NEEDED
                                && "Upload your ID".equals(event.getNote())
                                && event.getActorId().equals("u-reviewer"))
                        .isPresent(),
                Duration.ofSeconds(30));

        assertThat(move(reviewer, "guest-1", "form", "in_progress").statusCode())
                .as("only the guest resubmits")
                .isEqualTo(403);
        assertThat(move(guest, "guest-1", "form", "in_progress").statusCode()).isEqualTo(200);
        var completed = move(reviewer, "guest-1", "form", "complete");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(statuses(json(completed.body()))).containsExactly("complete", "start", "locked");
    }

    @Test
    void shouldStoreTaskDataWithTheTaskAndGuardIt() {
        defineAndEnrol("guest-1");
        String guest = token("guest-1", tenant, "workflows:read", "workflows:update");

        var saved = http.put("/api/v1/guests/guest-1/tasks/form/data", guest, """
                {"responses":{"income":"1200","household":{"adults":2,"pets":["cat"]}}}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        var read = http.get("/api/v1/guests/guest-1/tasks/form/data", guest);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body())
                        .get("responses")
                        .get("household")
                        .get("adults")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.get("/api/v1/guests/guest-1/tasks/form/data", reviewer).statusCode())
                .isEqualTo(200);

        String other = token("guest-2", tenant, "workflows:read", "workflows:update");
        assertThat(http.get("/api/v1/guests/guest-1/tasks/form/data", other).statusCode())
                .isEqualTo(403);
        assertThat(http.put("/api/v1/guests/guest-1/tasks/form/data", other, "{\"responses\":{}}")
                        .statusCode())
                .isEqualTo(403);
        String stranger = token("guest-1", "elsewhere-" + UUID.randomUUID(), "workflows:read", "workflows:update");
        assertThat(http.get("/api/v1/guests/guest-1/tasks/form/data", stranger).statusCode())
                .isEqualTo(404);

        var tooLarge = http.put(
                "/api/v1/guests/guest-1/tasks/form/data",
                guest,
                "{\"responses\":{\"essay\":\"" + "x".repeat(40_000) + "\"}}");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(json(tooLarge.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("responses");
        assertThat(http.put("/api/v1/guests/guest-1/tasks/form/data", guest, "{\"responses\":[1,2]}")
                        .statusCode())
                .isEqualTo(400);
        var locked = http.put("/api/v1/guests/guest-1/tasks/host/data", guest, "{\"responses\":{}}");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(json(locked.body()).get("message").asString()).contains("is locked");
    }

    @Test
    void shouldShowADashboardOnlyToItsGuestOrACoordinatorOfTheTenant() {
        defineAndEnrol("guest-1");

        assertThat(http.get("/api/v1/guests/guest-1/dashboard", token("guest-1", tenant, "workflows:read"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/guests/guest-1/dashboard", token("guest-2", tenant, "workflows:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/guests/guest-1/dashboard", manager).statusCode())
                .isEqualTo(200);
        var otherTenant = http.get(
                "/api/v1/guests/guest-1/dashboard",
                token("u-coordinator", "elsewhere-" + UUID.randomUUID(), "workflows:read_all"));
        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/guests/guest-1/dashboard", token("guest-1", tenant, "interviews:read"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldListTheTenantsGuestsNewestFirstWithTheirCurrentGroupForACoordinator() {
        defineAndEnrol("guest-a");
        assertThat(http.put("/api/v1/workflow-definitions/other", manager, TWO_GROUPS)
                        .statusCode())
                .isEqualTo(201);
        enrol("guest-b", "other");
        enrol("guest-c", "onboarding");
        String guestC = token("guest-c", tenant, "workflows:update");
        for (String task : List.of("form", "interview")) {
            assertThat(move(guestC, "guest-c", task, "in_progress").statusCode())
                    .isEqualTo(200);
            assertThat(move(reviewer, "guest-c", task, "complete").statusCode()).isEqualTo(200);
        }

        var all = json(http.get("/api/v1/guests", manager).body());
        assertThat(texts(all, "guest_id")).containsExactly("guest-c", "guest-b", "guest-a");
        JsonNode c = all.get(0);
        assertThat(c.get("definition_id").asString()).isEqualTo("onboarding");
        assertThat(c.get("current_group").get("id").asString()).isEqualTo("match");
        assertThat(c.get("current_group").get("title").asString()).isEqualTo("Match");
        JsonNode a = all.get(2);
        assertThat(a.get("current_group").get("id").asString()).isEqualTo("apply");
        assertThat(a.get("status").asString())
                .isEqualTo(json(http.get("/api/v1/guests/guest-a/dashboard", manager)
                                .body())
                        .get("status")
                        .asString());

        assertThat(texts(
                        json(http.get("/api/v1/guests?definition_id=onboarding", manager)
                                .body()),
                        "guest_id"))
                .containsExactly("guest-c", "guest-a");
        assertThat(texts(
                        json(http.get("/api/v1/guests?status=" + a.get("status").asString(), manager)
                                .body()),
                        "guest_id"))
                .contains("guest-a", "guest-b");
        assertThat(texts(
                        json(http.get("/api/v1/guests?status=complete", manager).body()), "guest_id"))
                .isEmpty();
        assertThat(texts(json(http.get("/api/v1/guests?page=1&size=2", manager).body()), "guest_id"))
                .containsExactly("guest-a");

        var otherTenant = http.get(
                "/api/v1/guests", token("u-coordinator", "elsewhere-" + UUID.randomUUID(), "workflows:read_all"));
        assertThat(json(otherTenant.body())).isEmpty();
        assertThat(http.get("/api/v1/guests", token("guest-a", tenant, "workflows:read"))
                        .statusCode())
                .isEqualTo(403);
        var badStatus = http.get("/api/v1/guests?status=finished", manager);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("status");
        assertThat(http.get("/api/v1/guests?size=0", manager).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/guests?definition_id=Not%20An%20Id", manager)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldDeleteEverythingOfAGuestAndLetThemStartClean() {
        defineAndEnrol("guest-1");
        String guest = token("guest-1", tenant, "workflows:read", "workflows:update");
        http.put("/api/v1/guests/guest-1/tasks/form/data", guest, "{\"responses\":{\"income\":\"1200\"}}");
        move(guest, "guest-1", "form", "complete");

        assertThat(http.delete("/api/v1/guests/guest-1/workflow", guest, "").statusCode())
                .as("deleting takes workflows:manage")
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/guests/guest-1/workflow", manager, "").statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/guests/guest-1/dashboard", guest).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/guests/guest-1/tasks/form/data", guest).statusCode())
                .isEqualTo(404);
        assertThat(http.delete("/api/v1/guests/guest-1/workflow", manager, "").statusCode())
                .isEqualTo(404);

        enrol("guest-1", "onboarding");
        JsonNode fresh =
                json(http.get("/api/v1/guests/guest-1/dashboard", guest).body());
        assertThat(fresh.get("version").asInt()).isEqualTo(1);
        assertThat(statuses(fresh)).containsExactly("start", "locked", "locked");
        assertThat(json(http.get("/api/v1/guests/guest-1/tasks/form/data", guest)
                                .body())
                        .get("responses")
                        .isNull())
                .isTrue();
    }

    @Test
    void shouldAnswerBadInputWithAFourHundredNamingTheField() {
        var invalid = http.put("/api/v1/workflow-definitions/broken", manager, """
                {"groups":[{"key":"a","title":"A","tasks":[
                  {"key":"t","title":"T","link_url_path":"https://evil.example"},
                  {"key":"t","title":""}]}]}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(texts(json(invalid.body()).get("errors"), "field"))
                .containsExactlyInAnyOrder(
                        "groups[0].tasks[0].link_url_path", "groups[0].tasks[1].key", "groups[0].tasks[1].title");
        assertThat(http.put("/api/v1/workflow-definitions/broken", manager, "{\"groups\":[]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.put("/api/v1/workflow-definitions/Not%20An%20Id", manager, TWO_GROUPS)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.put("/api/v1/workflow-definitions/broken", manager, "not json")
                        .statusCode())
                .isEqualTo(400);

        defineAndEnrol("guest-1");
        String guest = token("guest-1", tenant, "workflows:read", "workflows:update");
        var badStatus = move(guest, "guest-1", "form", "finished");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("status");
        assertThat(move(guest, "guest-1", "nope", "complete").statusCode()).isEqualTo(404);
        assertThat(move(guest, "guest-1", "form", "locked").statusCode()).isEqualTo(409);
        var again = http.post("/api/v1/guests/guest-1/workflow", manager, "{\"definition_id\":\"onboarding\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("message").asString()).isEqualTo("Guest is already enrolled");
        assertThat(http.post("/api/v1/guests/guest-2/workflow", manager, "{\"definition_id\":\"missing\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldCompleteATaskWhenTheGuestCompletesTheAttemptItWaitsFor() throws InterruptedException {
        String admin = token("u-coordinator", tenant, "workflows:manage", "interviews:manage", "access:grant");
        String interviewId = screeningInterview(admin);
        assertThat(http.put("/api/v1/workflow-definitions/screening", admin, """
                        {"groups":[{"key":"apply","title":"Apply","tasks":[
                          {"key":"screen","title":"Screening","completes_on":"attempt_completed:%s"},
                          {"key":"interview","title":"Interview"}]}]}""".formatted(interviewId))
                        .statusCode())
                .isEqualTo(201);
        var enrolled = http.post("/api/v1/guests/guest-1/workflow", admin, "{\"definition_id\":\"screening\"}");
        assertThat(enrolled.statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/access", admin, AccessEndToEndTest.body("guest-1", List.of(interviewId)))
                        .statusCode())
                .isEqualTo(200);
        String guest =
                token("guest-1", tenant, "workflows:read", "interviews:create", "interviews:read", "interviews:update");

        var attempt = http.post("/api/v1/interviews/" + interviewId + "/attempts", guest, "");
        assertThat(attempt.statusCode()).isEqualTo(201);
        String attemptId = json(attempt.body()).get("id").asString();
        assertThat(http.patch("/api/v1/attempts/" + attemptId, guest, "{\"status\":\"completed\"}")
                        .statusCode())
                .isEqualTo(200);

        awaitStatuses(guest, List.of("complete", "start"));
    }

    /** The attempt is completed before its task unlocks: the task keeps the event and completes when it unlocks. */
    @Test
    void shouldCompleteATaskWhenItUnlocksAfterTheAttemptItWaitsForCompleted() throws InterruptedException {
        String admin = token("u-coordinator", tenant, "workflows:manage", "interviews:manage", "access:grant");
        String interviewId = screeningInterview(admin);
        assertThat(http.put("/api/v1/workflow-definitions/early", admin, """
                        {"groups":[{"key":"apply","title":"Apply","tasks":[
                          {"key":"form","title":"Form"},
                          {"key":"screen","title":"Screening","completes_on":"attempt_completed:%s"},
                          {"key":"interview","title":"Interview"}]}]}""".formatted(interviewId))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/guests/guest-1/workflow", admin, "{\"definition_id\":\"early\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/access", admin, AccessEndToEndTest.body("guest-1", List.of(interviewId)))
                        .statusCode())
                .isEqualTo(200);
        String guest = token(
                "guest-1",
                tenant,
                "workflows:read",
                "workflows:update",
                "interviews:create",
                "interviews:read",
                "interviews:update");
        var attempt = http.post("/api/v1/interviews/" + interviewId + "/attempts", guest, "");
        assertThat(attempt.statusCode()).isEqualTo(201);
        assertThat(http.patch(
                                "/api/v1/attempts/"
                                        + json(attempt.body()).get("id").asString(),
                                guest,
                                "{\"status\":\"completed\"}")
                        .statusCode())
                .isEqualTo(200);
        awaitStatuses(guest, List.of("start", "locked", "locked"));
        // The completion reaches the workflow-worker on its own time: wait until it is kept (the version rises).
        awaitVersion(guest, 2);

        var moved = move(guest, "guest-1", "form", "complete");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(statuses(json(moved.body()))).containsExactly("complete", "complete", "start");
    }

    private String screeningInterview(String admin) {
        return json(http.post("/api/v1/interviews", admin, """
                                {"title":"Screening","duration_seconds":600}""").body())
                .get("id")
                .asString();
    }

    private void awaitStatuses(String token, List<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> statuses = List.of();
        while (Instant.now().isBefore(deadline)) {
            statuses = statuses(
                    json(http.get("/api/v1/guests/guest-1/dashboard", token).body()));
            if (statuses.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + expected + ", the dashboard says " + statuses);
    }

    private void awaitVersion(String token, long version) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        long seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = json(http.get("/api/v1/guests/guest-1/dashboard", token).body())
                    .get("version")
                    .asLong();
            if (seen >= version) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the workflow stayed at version " + seen);
    }

    @Test
    void shouldDeadLetterAnUnreadableCommandAndDecideTheNext() {
        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.WORKFLOW_COMMANDS, (tenant + "/guest-1").getBytes(StandardCharsets.UTF_8), garbage);

        defineAndEnrol("guest-1");
        probe.awaitRecord(
                Topics.WORKFLOW_COMMANDS + ".DLT", r -> Arrays.equals(r.value(), garbage), Duration.ofSeconds(30));
    }

    private void defineAndEnrol(String guestId) {
        assertThat(http.put("/api/v1/workflow-definitions/onboarding", manager, TWO_GROUPS)
                        .statusCode())
                .isEqualTo(201);
        assertLatestVersion("onboarding", 1);
        enrol(guestId, "onboarding");
    }

    private void enrol(String guestId, String definitionId) {
        var enrolled = http.post("/api/v1/guests/" + guestId + "/workflow", manager, """
                {"definition_id":"%s"}""".formatted(definitionId));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
    }

    private HttpResponse<String> move(String token, String guestId, String task, String status) {
        return http.post("/api/v1/guests/" + guestId + "/tasks/" + task + "/status", token, """
                {"status":"%s"}""".formatted(status));
    }

    private void assertLatestVersion(String definitionId, int version) {
        assertThat(json(http.get("/api/v1/workflow-definitions/" + definitionId, manager)
                                .body())
                        .get("version")
                        .asInt())
                .isEqualTo(version);
    }

    private void awaitDefinition(String token, String definitionId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (http.get("/api/v1/workflow-definitions/" + definitionId, token).statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the dev profile did not seed " + definitionId);
    }

    private static List<String> statuses(JsonNode dashboard) {
        List<String> statuses = new ArrayList<>();
        dashboard.get("groups").forEach(group -> group.get("tasks")
                .forEach(task -> statuses.add(task.get("status").asString())));
        return statuses;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }
}
