package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text in Cyrillic, Greek, CJK, Arabic, Hebrew, Devanagari and emoji through every free-text field the API stores, read
 * back as written: in the command's answer and in a later read. The attempt exports carry it too: whole in the CSV,
 * printed or named by script in the PDF. (The mail is checked where the mail is sent, in NotificationEndToEndTest.)
 */
class NonLatinTextTest extends GatewayTestSupport {

    static final List<String> CORPUS = List.of(
            "Собеседование: Ольга Ёлкина",
            "Συνέντευξη με τον Σωκράτη",
            "面试安排：山田太郎（东京）",
            "日本語の面接テスト",
            "한국어 면접 일정",
            "مقابلة مع محمد علي",
            "ראיון עם דנה",
            "साक्षात्कार की तैयारी",
            "Ready 🎉 👩‍💻 🇺🇦 𠀋",
            "Zoë Ångström-Łukasiewicz");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tenant = "text-" + UUID.randomUUID();

    /** The people directory is the notification-worker's. */
    @BeforeAll
    static void notificationWorker() {
        DevstackFixture.service(Service.NOTIFICATION_WORKER);
    }

    @Test
    void interviewTitlesAndDescriptions() {
        String manager = token("u-1", tenant, "interviews:manage", "interviews:read");
        for (int i = 0; i < CORPUS.size(); i++) {
            String title = CORPUS.get(i);
            String description = CORPUS.get((i + 1) % CORPUS.size());
            ObjectNode body = JSON.createObjectNode()
                    .put("title", title)
                    .put("description", description)
                    .put("duration_seconds", 600);
            var created = http.post("/api/v1/interviews", manager, body.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode read = json(http.get(
                            "/api/v1/interviews/"
                                    + json(created.body()).get("id").asString(),
                            manager)
                    .body());
            for (JsonNode interview : List.of(json(created.body()), read)) {
                assertThat(interview.get("title").asString()).isEqualTo(title);
                assertThat(interview.get("description").asString()).isEqualTo(description);
            }
        }
    }

    @Test
    void workflowTextsAndTheReviewersNote() {
        String coordinator = token("u-c", tenant, "workflows:manage", "workflows:review", "workflows:read_all");
        ArrayNode groups = JSON.createArrayNode();
        ArrayNode tasks =
                groups.addObject().put("key", "g").put("title", CORPUS.get(0)).putArray("tasks");
        for (int t = 0; t < CORPUS.size(); t++) {
            tasks.addObject()
                    .put("key", "t" + t)
                    .put("title", CORPUS.get(t))
                    .put("description", CORPUS.get((t + 1) % CORPUS.size()))
                    .put("link_text", CORPUS.get((t + 2) % CORPUS.size()))
                    .put("link_url_path", "/task-" + t);
        }
        var stored = http.put(
                "/api/v1/workflow-definitions/texts",
                coordinator,
                JSON.createObjectNode().set("groups", groups).toString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/guests/g-1/workflow", coordinator, "{\"definition_id\":\"texts\"}")
                        .statusCode())
                .isEqualTo(201);
        String guest = token("g-1", tenant, "workflows:read", "workflows:update");
        assertThat(http.post("/api/v1/guests/g-1/tasks/t0/status", guest, "{\"status\":\"in_progress\"}")
                        .statusCode())
                .isEqualTo(200);
        String note = String.join(" / ", CORPUS);
        var review = http.post(
                "/api/v1/guests/g-1/tasks/t0/status",
                coordinator,
                JSON.createObjectNode()
                        .put("status", "more_information_needed")
                        .put("note", note)
                        .toString());
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);

        JsonNode dashboard =
                json(http.get("/api/v1/guests/g-1/dashboard", guest).body());
        for (JsonNode definitionOrDashboard : List.of(json(stored.body()), dashboard)) {
            JsonNode group = definitionOrDashboard.get("groups").get(0);
            assertThat(group.get("title").asString()).isEqualTo(CORPUS.get(0));
            for (int t = 0; t < CORPUS.size(); t++) {
                JsonNode task = group.get("tasks").get(t);
                assertThat(task.get("title").asString()).isEqualTo(CORPUS.get(t));
                assertThat(task.get("description").asString()).isEqualTo(CORPUS.get((t + 1) % CORPUS.size()));
                assertThat(task.get("link_text").asString()).isEqualTo(CORPUS.get((t + 2) % CORPUS.size()));
            }
        }
        assertThat(dashboard
                        .get("groups")
                        .get(0)
                        .get("tasks")
                        .get(0)
                        .get("note")
                        .asString())
                .isEqualTo(note);
    }

    @Test
    void scheduledInterviewTextsAndFeedback() {
        String organizer = token("u-org", tenant, "schedules:create", "schedules:read", "schedules:update");
        String interviewer = token("u-7", tenant, "schedules:feedback", "schedules:read");
        Instant start = Instant.now().plus(50, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < CORPUS.size(); i++) {
            String title = CORPUS.get(i);
            String location = CORPUS.get((i + 1) % CORPUS.size());
            String notes = CORPUS.get((i + 2) % CORPUS.size());
            String candidate = CORPUS.get((i + 3) % CORPUS.size());
            ObjectNode body = JSON.createObjectNode()
                    .put("interview_type", "technical")
                    .put("title", title)
                    .put("scheduled_start", start.plus(2L * i, ChronoUnit.HOURS).toString())
                    .put(
                            "scheduled_end",
                            start.plus(2L * i + 1, ChronoUnit.HOURS).toString())
                    .put("timezone", "Europe/Athens")
                    .put("meeting_provider", "custom")
                    .put("location", location)
                    .put("notes", notes)
                    .put("allow_overlap", true);
            body.putArray("interviewer_ids").add("u-7");
            body.putObject("candidate")
                    .put("id", "c-" + i)
                    .put("name", candidate)
                    .put("email", "casey@example.com")
                    .put("timezone", "Asia/Tokyo");
            var created = http.post("/api/v1/schedules", organizer, body.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created.body()).get("id").asString();
            for (JsonNode interview : List.of(
                    json(created.body()),
                    json(http.get("/api/v1/schedules/" + id, organizer).body()))) {
                assertThat(interview.get("title").asString()).isEqualTo(title);
                assertThat(interview.get("location").asString()).isEqualTo(location);
                assertThat(interview.get("notes").asString()).isEqualTo(notes);
                assertThat(interview.get("candidate").get("name").asString()).isEqualTo(candidate);
            }
            if (i % 2 == 0) {
                var cancelled = http.post(
                        "/api/v1/schedules/" + id + "/cancel",
                        organizer,
                        JSON.createObjectNode().put("reason", title).toString(),
                        "If-Match",
                        "\"1\"");
                assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
                assertThat(json(cancelled.body()).get("cancellation_reason").asString())
                        .isEqualTo(title);
            } else {
                assertThat(http.post("/api/v1/schedules/" + id + "/start", organizer, "", "If-Match", "\"1\"")
                                .statusCode())
                        .isEqualTo(200);
                var feedback = http.post(
                        "/api/v1/schedules/" + id + "/feedback",
                        interviewer,
                        JSON.createObjectNode()
                                .put("overall_rating", 4)
                                .put("recommendation", "yes")
                                .put("strengths", title)
                                .put("weaknesses", location)
                                .put("notes", notes)
                                .toString());
                assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(201);
                JsonNode given = json(http.get("/api/v1/schedules/" + id + "/feedback", interviewer)
                                .body())
                        .get("feedback")
                        .get(0);
                assertThat(given.get("strengths").asString()).isEqualTo(title);
                assertThat(given.get("weaknesses").asString()).isEqualTo(location);
                assertThat(given.get("notes").asString()).isEqualTo(notes);
            }
        }
    }

    @Test
    void namesInThePeopleDirectory() {
        String manager = token("u-1", tenant, "people:manage", "people:read");
        for (int i = 0; i < CORPUS.size(); i++) {
            var put = http.put(
                    "/api/v1/people/p-" + i,
                    manager,
                    JSON.createObjectNode()
                            .put("email", "p" + i + "@example.com")
                            .put("name", CORPUS.get(i))
                            .toString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            assertThat(json(http.get("/api/v1/people/p-" + i, manager).body())
                            .get("name")
                            .asString())
                    .isEqualTo(CORPUS.get(i));
        }
    }

    @Test
    void attemptExportsOfUsersWithNonLatinIds() throws Exception {
        String admin = token("u-admin", tenant, "interviews:manage", "access:grant");
        var interview = http.post("/api/v1/interviews", admin, """
                {"title":"Экзамен","duration_seconds":900}""");
        assertThat(interview.statusCode()).isEqualTo(201);
        String interviewId = json(interview.body()).get("id").asString();
        List<String> users = List.of("Ольга", "Σωκράτης", "山田");
        for (String user : users) {
            var granted = http.post("/api/v1/access", admin, AccessEndToEndTest.body(user, List.of(interviewId)));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
            var started = http.post(
                    "/api/v1/interviews/" + interviewId + "/attempts", token(user, tenant, "interviews:create"), "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        }
        String auditor = token("u-aud", tenant, "interviews:export", "interviews:read_all");

        var csv = http.postForBytes("/api/v1/attempts/export", auditor, "{\"format\":\"csv\"}");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(users);

        var pdf = http.postForBytes("/api/v1/attempts/export", auditor, "{\"format\":\"pdf\"}");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Ольга", "Σωκράτης", "[Han]", "Text in Han cannot be printed")
                    .doesNotContain("?", "山田");
        }
    }
}
