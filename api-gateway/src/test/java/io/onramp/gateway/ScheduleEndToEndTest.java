package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.Topics;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scheduled interviews through the gateway, the workflow-worker and its read model. */
class ScheduleEndToEndTest extends GatewayTestSupport {

    private static final Instant START = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private final String tenant = "sched-" + UUID.randomUUID();
    private final String recruiter = token(
            "u-recruiter", tenant, "schedules:create", "schedules:update", "schedules:read", "schedules:read_all");

    @Test
    void shouldScheduleAnInterviewWithEveryComputedField() {
        var created = schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7", "u-9");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode interview = json(created.body());
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/schedules/" + interview.get("id").asString());
        assertThat(interview.get("status").asString()).isEqualTo("scheduled");
        assertThat(interview.get("version").asInt()).isEqualTo(1);
        assertThat(interview.get("organizer_id").asString()).isEqualTo("u-recruiter");
        assertThat(interview.get("interviewer_ids").toString()).isEqualTo("[\"u-7\",\"u-9\"]");
        assertThat(interview.get("duration_minutes").asInt()).isEqualTo(60);
        assertThat(interview.get("is_upcoming").asBoolean()).isTrue();
        assertThat(interview.get("is_past").asBoolean()).isFalse();
        assertThat(interview.get("candidate_local_start").asString()).endsWith("+09:00");
        assertThat(interview.get("title").asString()).isEqualTo("Technical interview");
        assertThat(interview.get("notes").asString()).isEqualTo("<p>Bring <em>ID</em></p>");
    }

    @Test
    void shouldScheduleFromATemplate() {
        var defined = http.put("/api/v1/schedule-templates/phone-screen", recruiter, """
                {"interview_type":"phone","duration_minutes":30,"title":"Phone screen"}""");
        assertThat(defined.statusCode()).isEqualTo(201);
        assertThat(json(defined.body()).get("duration_minutes").asInt()).isEqualTo(30);
        var invalid = http.put("/api/v1/schedule-templates/phone-screen", recruiter, """
                {"interview_type":"phone","duration_minutes":0}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("duration_minutes");

        var created = http.post("/api/v1/schedules", recruiter, """
                {"template_id":"phone-screen","scheduled_start":"%s","timezone":"America/Toronto",
                 "meeting_provider":"custom",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"}}""".formatted(START));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode interview = json(created.body());
        assertThat(interview.get("interview_type").asString()).isEqualTo("phone");
        assertThat(interview.get("title").asString()).isEqualTo("Phone screen");
        assertThat(interview.get("duration_minutes").asInt()).isEqualTo(30);

        var unknown = http.post("/api/v1/schedules", recruiter, """
                {"template_id":"nope","scheduled_start":"%s","timezone":"America/Toronto","meeting_provider":"zoom",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"}}""".formatted(START));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(http.get("/api/v1/schedule-templates", recruiter).body()))
                .hasSize(1);
    }

    @Test
    void shouldWalkTheLifecycleWithOptimisticLocking() {
        String id = json(schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7").body())
                .get("id")
                .asString();

        assertThat(act(id, "confirm", null).statusCode())
                .as("If-Match is required")
                .isEqualTo(428);
        var confirmed = act(id, "confirm", "\"1\"");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(confirmed.body()).get("confirmed_by").asString()).isEqualTo("u-recruiter");

        var stale = act(id, "start", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).get("message").asString()).contains("version 2");

        var rescheduled = http.post(
                "/api/v1/schedules/" + id + "/reschedule",
                recruiter,
                times(
                        START.plus(1, ChronoUnit.DAYS),
                        START.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)),
                "If-Match",
                "\"2\"");
        assertThat(rescheduled.statusCode()).isEqualTo(200);
        assertThat(json(rescheduled.body()).get("status").asString()).isEqualTo("rescheduled");
        assertThat(json(rescheduled.body()).get("reschedule_count").asInt()).isEqualTo(1);

        assertThat(act(id, "complete", "\"3\"").statusCode()).as("not started").isEqualTo(409);
        assertThat(act(id, "no-show", "\"3\"").statusCode())
                .as("no-show needs confirmed or started")
                .isEqualTo(409);
        assertThat(act(id, "confirm", "\"3\"").statusCode()).isEqualTo(200);
        var started = act(id, "start", "W/\"4\"");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(json(started.body()).get("actual_start").isNull()).isFalse();
        var completed = act(id, "complete", "5");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json(completed.body()).get("actual_duration_minutes").asInt())
                .isZero();

        var cancelAfter = http.post(
                "/api/v1/schedules/" + id + "/cancel", recruiter, "{\"reason\":\"late\"}", "If-Match", "\"6\"");
        assertThat(cancelAfter.statusCode()).isEqualTo(409);
        assertThat(json(cancelAfter.body()).get("message").asString()).contains("completed");
    }

    /** How to bring a new interview to each status, and which commands DESIGN.md §7 allows from there. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "scheduled", List.of(),
            "confirmed", List.of("confirm"),
            "in_progress", List.of("start"),
            "completed", List.of("start", "complete"),
            "cancelled", List.of("cancel"),
            "no_show", List.of("confirm", "no-show"),
            "rescheduled", List.of("reschedule"));

    private static final Map<String, Set<String>> ALLOWED_FROM = Map.of(
            "confirm", Set.of("scheduled", "rescheduled"),
            "start", Set.of("scheduled", "confirmed", "rescheduled"),
            "complete", Set.of("in_progress"),
            "cancel", Set.of("scheduled", "confirmed", "in_progress", "rescheduled"),
            "no-show", Set.of("confirmed", "in_progress"),
            "reschedule", Set.of("scheduled", "confirmed", "in_progress", "rescheduled"));

    @Test
    void shouldAllowEveryTransitionOfTheLifecycleAndRefuseEveryOther() {
        for (var status : PATHS.entrySet()) {
            for (var command : ALLOWED_FROM.entrySet()) {
                String id = json(schedule(START, START.plus(1, ChronoUnit.HOURS))
                                .body())
                        .get("id")
                        .asString();
                long version = 1;
                for (String step : status.getValue()) {
                    assertThat(apply(id, step, version).statusCode()).as(step).isEqualTo(200);
                    version++;
                }
                var answer = apply(id, command.getKey(), version);
                boolean legal = command.getValue().contains(status.getKey());
                assertThat(answer.statusCode())
                        .as("%s from %s", command.getKey(), status.getKey())
                        .isEqualTo(legal ? 200 : 409);
                if (!legal) {
                    assertThat(json(answer.body()).get("message").asString()).contains(status.getKey());
                }
            }
        }
    }

    private HttpResponse<String> apply(String id, String command, long version) {
        String ifMatch = "\"" + version + "\"";
        return switch (command) {
            case "cancel" ->
                http.post(
                        "/api/v1/schedules/" + id + "/cancel", recruiter, "{\"reason\":\"test\"}", "If-Match", ifMatch);
            case "reschedule" ->
                http.post(
                        "/api/v1/schedules/" + id + "/reschedule",
                        recruiter,
                        times(
                                START.plus(1, ChronoUnit.DAYS),
                                START.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)),
                        "If-Match",
                        ifMatch);
            default -> act(id, command, ifMatch);
        };
    }

    @Test
    void shouldCancelWithAReasonAndShowItInTheCalendar() throws Exception {
        String id = json(schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7").body())
                .get("id")
                .asString();
        VEvent first = event(id);
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(start(first)).isEqualTo(START);

        Instant later = START.plus(2, ChronoUnit.DAYS);
        http.post(
                "/api/v1/schedules/" + id + "/reschedule",
                recruiter,
                times(later, later.plus(1, ChronoUnit.HOURS)),
                "If-Match",
                "\"1\"");
        VEvent moved = event(id);
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(start(moved)).isEqualTo(later);
        assertThat(moved.<ZonedDateTime>getStartDate()
                        .orElseThrow()
                        .<Parameter>getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("America/Toronto");
        assertThat(moved.getProperties(Property.ATTENDEE)).hasSize(2);

        var cancelled = http.post(
                "/api/v1/schedules/" + id + "/cancel",
                recruiter,
                "{\"reason\":\"candidate withdrew\"}",
                "If-Match",
                "\"2\"");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled.body()).get("cancellation_reason").asString()).isEqualTo("candidate withdrew");
        assertThat(json(cancelled.body()).get("cancelled_at").isNull()).isFalse();
        assertThat(event(id).getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CANCELLED");
    }

    @Test
    void shouldTakeFeedbackOnlyFromThePanelOnceAndInRange() {
        String id = json(schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7", "u-9")
                        .body())
                .get("id")
                .asString();
        String interviewer = token("u-7", tenant, "schedules:feedback", "schedules:read");
        String stranger = token("u-stranger", tenant, "schedules:feedback", "schedules:read");

        assertThat(feedback(id, interviewer, 4).statusCode())
                .as("not started yet")
                .isEqualTo(409);
        act(id, "start", "\"1\"");

        assertThat(feedback(id, stranger, 4).statusCode()).isEqualTo(403);
        assertThat(feedback(id, interviewer, 0).statusCode()).isEqualTo(400);
        var six = feedback(id, interviewer, 6);
        assertThat(six.statusCode()).isEqualTo(400);
        assertThat(json(six.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("overall_rating");
        var noRecommendation = http.post("/api/v1/schedules/" + id + "/feedback", interviewer, """
                {"overall_rating":4}""");
        assertThat(noRecommendation.statusCode()).isEqualTo(400);

        var submitted = feedback(id, interviewer, 4);
        assertThat(submitted.statusCode()).isEqualTo(201);
        assertThat(json(submitted.body()).get("all_feedback_submitted").asBoolean())
                .isFalse();
        assertThat(json(submitted.body()).get("interviewers_without_feedback").toString())
                .isEqualTo("[\"u-9\"]");
        assertThat(feedback(id, interviewer, 5).statusCode())
                .as("one per interviewer")
                .isEqualTo(409);

        JsonNode asInterviewer = json(
                http.get("/api/v1/schedules/" + id + "/feedback", interviewer).body());
        assertThat(asInterviewer.get("feedback").get(0).get("private_notes").isNull())
                .isTrue();
        assertThat(asInterviewer.get("feedback").get(0).get("strengths").asString())
                .isEqualTo("Clear thinking");
        JsonNode asAdmin = json(
                http.get("/api/v1/schedules/" + id + "/feedback", recruiter).body());
        assertThat(asAdmin.get("feedback").get(0).get("private_notes").asString())
                .isEqualTo("Strong hire");
        assertThat(asAdmin.get("feedback")
                        .get(0)
                        .get("custom_ratings")
                        .get("sql")
                        .asInt())
                .isEqualTo(4);

        assertThat(feedback(id, token("u-9", tenant, "schedules:feedback"), 3).statusCode())
                .isEqualTo(201);
        assertThat(json(http.get("/api/v1/schedules/" + id, recruiter).body())
                        .get("all_feedback_submitted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldRefuseEveryDoubleBookingWithTwoWorkerInstancesRunning() throws Exception {
        DevstackFixture.secondInstance(Service.WORKFLOW_WORKER);
        Instant start = START.plus(3, ChronoUnit.DAYS);
        assertThat(schedule(start, start.plus(1, ChronoUnit.HOURS), "u-busy").statusCode())
                .isEqualTo(201);

        var overlapping = schedule(start.plus(30, ChronoUnit.MINUTES), start.plus(90, ChronoUnit.MINUTES), "u-busy");
        assertThat(overlapping.statusCode()).isEqualTo(409);
        assertThat(json(overlapping.body()).get("message").asString()).contains("u-busy");

        Instant racing = START.plus(4, ChronoUnit.DAYS);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int offset = i;
                Callable<Integer> create = () -> schedule(
                                racing.plus(offset, ChronoUnit.MINUTES),
                                racing.plus(60 + offset, ChronoUnit.MINUTES),
                                "u-racing")
                        .statusCode();
                answers.add(pool.submit(create));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(status -> status == 201))
                    .as("exactly one booking wins")
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }

        var allowed =
                http.post("/api/v1/schedules", recruiter, body(start, start.plus(1, ChronoUnit.HOURS), true, "u-busy"));
        assertThat(allowed.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldNameEveryInvalidFieldAndStripMarkup() {
        var invalid = http.post("/api/v1/schedules", recruiter, """
                {"interview_type":"lunch","title":"<script>alert(1)</script>","scheduled_start":"2026-12-01T16:00:00Z",
                 "scheduled_end":"2026-12-01T15:00:00Z","timezone":"Mars/Base","meeting_provider":"zoom",
                 "meeting_url":"javascript:alert(1)",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"+09:00"}}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(invalid.body())
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "interview_type", "title", "scheduled_end", "timezone", "meeting_url", "candidate.timezone");

        var badDate = http.post("/api/v1/schedules", recruiter, """
                {"scheduled_start":"tomorrow","candidate":{"id":"c-1"}}""");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("scheduled_start");

        var stripped = http.post(
                "/api/v1/schedules",
                recruiter,
                body(START, START.plus(1, ChronoUnit.HOURS), false)
                        .replace("Technical interview", "<img src=x onerror=alert(1)>Tech <b>screen</b>")
                        .replace("\"Virtual\"", "\"<script>steal()</script>Room 4\""));
        assertThat(stripped.statusCode()).isEqualTo(201);
        assertThat(json(stripped.body()).get("title").asString()).isEqualTo("Tech screen");
        assertThat(json(stripped.body()).get("location").asString()).isEqualTo("Room 4");
    }

    @Test
    void shouldDeadLetterAnUnreadableCommandAndDecideTheNext() {
        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.SCHEDULE_COMMANDS, tenant.getBytes(StandardCharsets.UTF_8), garbage);

        assertThat(schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7").statusCode())
                .isEqualTo(201);
        probe.awaitRecord(
                Topics.SCHEDULE_COMMANDS + ".DLT", r -> Arrays.equals(r.value(), garbage), Duration.ofSeconds(30));
    }

    @Test
    void shouldShowAnInterviewOnlyToThoseInvolvedOrHoldersOfReadAll() {
        String id = json(schedule(START, START.plus(1, ChronoUnit.HOURS), "u-7").body())
                .get("id")
                .asString();

        assertThat(http.get("/api/v1/schedules/" + id, token("u-7", tenant, "schedules:read"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/schedules/" + id, token("c-1", tenant, "schedules:read"))
                        .statusCode())
                .as("the candidate")
                .isEqualTo(200);
        assertThat(http.get("/api/v1/schedules/" + id, token("u-other", tenant, "schedules:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get(
                                "/api/v1/schedules/" + id,
                                token("u-7", "elsewhere-" + UUID.randomUUID(), "schedules:read_all"))
                        .statusCode())
                .isEqualTo(404);

        JsonNode mine = json(http.get("/api/v1/schedules?mine=true", token("u-7", tenant, "schedules:read"))
                .body());
        assertThat(mine).hasSize(1);
        assertThat(json(http.get("/api/v1/schedules?upcoming=true&interviewer=u-7", recruiter)
                        .body()))
                .hasSize(1);
        assertThat(json(http.get("/api/v1/schedules?status=cancelled", recruiter)
                        .body()))
                .isEmpty();
        assertThat(http.get("/api/v1/schedules?status=bogus", recruiter).statusCode())
                .isEqualTo(400);
        assertThat(json(http.get("/api/v1/schedules", token("u-other", tenant, "schedules:read"))
                        .body()))
                .isEmpty();
    }

    private static Instant start(VEvent event) {
        DtStart<ZonedDateTime> start = event.<ZonedDateTime>getStartDate().orElseThrow();
        return start.getDate().toInstant();
    }

    private VEvent event(String id) throws Exception {
        var response = http.get("/api/v1/schedules/" + id + "/calendar.ics", recruiter);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.getComponent("VTIMEZONE"))
                .as("the zone its times name")
                .isPresent();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private HttpResponse<String> schedule(Instant start, Instant end, String... panel) {
        return http.post("/api/v1/schedules", recruiter, body(start, end, false, panel));
    }

    private static String body(Instant start, Instant end, boolean allowOverlap, String... panel) {
        return """
                {"interview_type":"technical","title":"Technical interview","scheduled_start":"%s",
                 "scheduled_end":"%s","timezone":"America/Toronto","meeting_provider":"zoom",
                 "meeting_url":"https://zoom.us/j/1","location":"Virtual",
                 "notes":"<p>Bring <em>ID</em></p><script>alert(1)</script>",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"},
                 "interviewer_ids":[%s],"allow_overlap":%s}""".formatted(
                        start,
                        end,
                        String.join(
                                ",",
                                java.util.Arrays.stream(panel)
                                        .map(id -> "\"" + id + "\"")
                                        .toList()),
                        allowOverlap);
    }

    private HttpResponse<String> act(String id, String action, String ifMatch) {
        if (ifMatch == null) {
            return http.post("/api/v1/schedules/" + id + "/" + action, recruiter, "");
        }
        return http.post("/api/v1/schedules/" + id + "/" + action, recruiter, "", "If-Match", ifMatch);
    }

    private HttpResponse<String> feedback(String id, String token, int overall) {
        return http.post("/api/v1/schedules/" + id + "/feedback", token, """
                {"overall_rating":%d,"technical_skills":5,"recommendation":"yes","strengths":"<b>Clear</b> thinking",
                 "weaknesses":"none","private_notes":"Strong hire","custom_ratings":{"sql":4}}""".formatted(overall));
    }

    private static String times(Instant start, Instant end) {
        return "{\"scheduled_start\":\"%s\",\"scheduled_end\":\"%s\"}".formatted(start, end);
    }
}
