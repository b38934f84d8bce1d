package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notifications end to end: the people directory through the gateway, an interview scheduled, moved, changed and
 * cancelled through the gateway, the notification-worker mailing everyone concerned on the devstack's SMTP server,
 * and the status API.
 */
class NotificationEndToEndTest extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2030-12-03T15:00:00Z");

    private final String tenant = "notify-" + UUID.randomUUID();
    private final String recruiter =
            token("u-1", tenant, "schedules:create", "schedules:update", "schedules:read_all", "people:manage");
    private final String reader = token("u-ops", tenant, "notifications:read", "people:read");
    private final String manager = token("u-ops", tenant, "notifications:manage");

    @BeforeAll
    static void notificationWorker() {
        DevstackFixture.service(Service.NOTIFICATION_WORKER);
        DevstackFixture.service(Service.REMINDER_WORKER);
    }

    @Test
    void shouldInviteEveryoneWithAnAddressOnceAndTellTheStatusApi() throws Exception {
        person("u-1", "olga@example.com", "Olga", "Europe/Berlin");
        person("u-7", "ada@example.com", "Ada", "America/New_York");
        person("u-9", "grace@example.com", "Grace", null);

        String id = schedule("u-7", "u-9", "u-11");
        JsonNode scheduled = awaitNotifications(
                "?schedule_id=" + id, list -> count(list, "sent") == 4 && count(list, "undeliverable") == 1);
        assertThat(recipients(scheduled, "undeliverable")).containsExactly("u-11");
        for (JsonNode notification : scheduled) {
            assertThat(notification.get("kind").asString()).isEqualTo("interview_scheduled");
            assertThat(notification.get("channel").asString()).isEqualTo("email");
            assertThat(notification.get("source").asString()).isEqualTo(tenant + "/" + id + "/1");
        }

        List<MimeMessage> mail = mailOf(scheduled);
        assertThat(mail).hasSize(4);
        assertThat(mail.stream().map(NotificationEndToEndTest::addressee))
                .containsExactlyInAnyOrder(
                        "casey@example.com", "olga@example.com", "ada@example.com", "grace@example.com");
        for (MimeMessage message : mail) {
            VEvent event = invite(message, "REQUEST");
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(id + "@onramp");
            assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                    .isEqualTo("0");
        }
        assertThat(text(only(mail, "ada@example.com"))).contains("Tuesday 3 December 2030, 10:00–11:00 EST");
        assertThat(text(only(mail, "olga@example.com"))).contains("Tuesday 3 December 2030, 16:00–17:00 CET");
        assertThat(text(only(mail, "casey@example.com"))).contains("Wednesday 4 December 2030, 00:00–01:00 JST");
        assertThat(text(only(mail, "grace@example.com")))
                .as("the interview's zone")
                .contains("EST (America/Toronto)");

        String sent = find(scheduled, "u-7").get("id").asString();
        var one = http.get("/api/v1/notifications/" + sent, reader);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one.body()).get("status").asString()).isEqualTo("sent");
        assertThat(json(one.body()).get("attempts").asInt()).isEqualTo(1);
        assertThat(json(one.body()).get("sent_at").isNull()).isFalse();
        assertThat(json(http.get("/api/v1/notifications?recipient=ada@example.com&schedule_id=" + id, reader)
                        .body()))
                .hasSize(1);

        var resendSent = http.post("/api/v1/notifications/" + sent + "/resend", manager, "{}");
        assertThat(resendSent.statusCode()).isEqualTo(409);
        assertThat(json(resendSent.body()).get("message").asString()).contains("only dead or unknown");
        assertThat(http.get("/api/v1/notifications/" + sent, token("u-ops", "other-" + tenant, "notifications:read"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/notifications/" + sent, token("u-ops", tenant, "schedules:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/notifications/" + UUID.randomUUID() + "/resend", manager, "{}")
                        .statusCode())
                .isEqualTo(404);

        String calendar =
                http.get("/api/v1/schedules/" + id + "/calendar.ics", recruiter).body();
        assertThat(calendar.replace("\r\n ", "")).contains("mailto:ada@example.com", "mailto:olga@example.com");
    }

    @Test
    void shouldUpdateInvitesOnRescheduleAndPanelChangesAndCancelThemOnCancellation() throws Exception {
        person("u-7", "ada@example.com", "Ada", null);
        person("u-9", "grace@example.com", "Grace", null);
        String id = schedule("u-7", "u-9");
        awaitNotifications("?schedule_id=" + id, list -> count(list, "sent") == 3);

        Instant later = START.plus(Duration.ofDays(1));
        var moved = http.post(
                "/api/v1/schedules/" + id + "/reschedule",
                recruiter,
                "{\"scheduled_start\":\"%s\",\"scheduled_end\":\"%s\"}".formatted(later, later.plusSeconds(3600)),
                "If-Match",
                "\"1\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode rescheduled = awaitKind(id, "interview_rescheduled", 3);
        VEvent update = invite(only(mailOf(rescheduled), "ada@example.com"), "REQUEST");
        assertThat(Integer.parseInt(
                        update.getProperty(Property.SEQUENCE).orElseThrow().getValue()))
                .isGreaterThan(0);

        var removed = http.delete("/api/v1/schedules/" + id + "/interviewers/u-9", recruiter, "", "If-Match", "\"2\"");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        JsonNode removal = awaitKind(id, "panel_removal", 1);
        assertThat(recipients(removal, "sent")).containsExactly("u-9");
        VEvent cancelForGrace = invite(only(mailOf(removal), "grace@example.com"), "CANCEL");
        assertThat(cancelForGrace.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:grace@example.com");

        var cancelled = http.post(
                "/api/v1/schedules/" + id + "/cancel",
                recruiter,
                "{\"reason\":\"candidate withdrew\"}",
                "If-Match",
                "\"3\"");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode cancellations = awaitKind(id, "interview_cancelled", 2);
        assertThat(recipients(cancellations, "sent")).containsExactlyInAnyOrder("c-1", "u-7");
        MimeMessage toCandidate = only(mailOf(cancellations), "casey@example.com");
        assertThat(invite(toCandidate, "CANCEL")
                        .getProperty(Property.STATUS)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("CANCELLED");
        assertThat(text(toCandidate)).contains("Reason: candidate withdrew");
    }

    @Test
    void shouldTellAGuestWhatMoreInformationTheReviewerNeeds() throws Exception {
        String coordinator =
                token("u-coordinator", tenant, "workflows:manage", "workflows:review", "workflows:read_all");
        person("g-1", "guest@example.com", "Gus", "Europe/Lisbon");
        assertThat(http.put("/api/v1/workflow-definitions/onboarding", coordinator, """
                        {"groups":[{"key":"apply","title":"Apply","tasks":[{"key":"form","title":"Form"}]}]}""")
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/guests/g-1/workflow", coordinator, "{\"definition_id\":\"onboarding\"}")
                        .statusCode())
                .isEqualTo(201);
        String guest = token("g-1", tenant, "workflows:read", "workflows:update");
        assertThat(http.post("/api/v1/guests/g-1/tasks/form/status", guest, "{\"status\":\"in_progress\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/guests/g-1/tasks/form/status", coordinator, """
                        {"status":"more_information_needed","note":"Please upload your ID / Загрузите паспорт（身份证）🪪"}""")
                        .statusCode())
                .isEqualTo(200);

        JsonNode told = awaitNotifications("?guest_id=g-1", list -> count(list, "sent") == 1);
        assertThat(told.get(0).get("kind").asString()).isEqualTo("more_information_needed");
        MimeMessage mail = only(mailOf(told), "guest@example.com");
        assertThat(mail.getSubject()).isEqualTo("More information needed: Form");
        assertThat(text(mail)).contains("Note from the reviewer: Please upload your ID / Загрузите паспорт（身份证）🪪");
    }

    @Test
    void shouldMailNonLatinTextAsWritten() throws Exception {
        String name = "Ольга Ёлкина-Σωκράτη";
        String title = "面试安排：山田太郎（东京）🎉";
        String location = "مكتب القاهرة";
        String candidate = "דנה כהן";
        person("u-7", "ada@example.com", name, "Europe/Athens");
        ObjectNode body = JSON.createObjectNode()
                .put("interview_type", "technical")
                .put("title", title)
                .put("scheduled_start", START.toString())
                .put("scheduled_end", START.plusSeconds(3600).toString())
                .put("timezone", "Europe/Athens")
                .put("meeting_provider", "custom")
                .put("location", location)
                .put("allow_overlap", true);
        body.putObject("candidate")
                .put("id", "c-1")
                .put("name", candidate)
                .put("email", "casey@example.com")
                .put("timezone", "Asia/Jerusalem");
        body.putArray("interviewer_ids").add("u-7");
        var created = http.post("/api/v1/schedules", recruiter, body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).get("id").asString();

        List<MimeMessage> mail = mailOf(awaitKind(id, "interview_scheduled", 2));
        assertThat(text(only(mail, "casey@example.com"))).startsWith("Hello " + candidate + ",");
        MimeMessage toOlga = only(mail, "ada@example.com");
        assertThat(toOlga.getSubject()).startsWith("Interview scheduled: " + title + ", ");
        assertThat(((InternetAddress) toOlga.getAllRecipients()[0]).getPersonal())
                .isEqualTo(name);
        assertThat(text(toOlga)).contains(name, title, location);
        assertThat(part(toOlga, "text/html")).contains(name, title, location);
        assertThat(invite(toOlga, "REQUEST")
                        .getProperty(Property.SUMMARY)
                        .orElseThrow()
                        .getValue())
                .contains(title);
    }

    @Test
    void shouldRemindTheCandidateAndThePanelWithoutAnInvite() throws Exception {
        person("u-7", "ada@example.com", "Ada", "America/New_York");
        // Starting in 24 h less a minute: the 1-day reminder's window is open, so it fires at once.
        Instant start =
                Instant.now().plus(Duration.ofHours(24)).minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String id = schedule(start, "u-7");

        JsonNode reminded = awaitKind(id, "interview_reminder", 2);
        assertThat(recipients(reminded, "sent")).containsExactlyInAnyOrder("c-1", "u-7");
        assertThat(reminded.get(0).get("source").asString()).isEqualTo(tenant + "/" + id + ":1day:1");
        MimeMessage toAda = only(mailOf(reminded), "ada@example.com");
        assertThat(toAda.getSubject()).startsWith("Reminder: Technical interview starts in 1 day");
        assertThat(((Multipart) toAda.getContent()).getCount())
                .as("text and HTML, no invite")
                .isEqualTo(2);
    }

    @Test
    void shouldSendEachNotificationOnceWithTwoWorkerInstances() {
        DevstackFixture.secondInstance(Service.NOTIFICATION_WORKER);
        person("u-7", "ada@example.com", "Ada", null);
        person("u-9", "grace@example.com", "Grace", null);
        List<String> interviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            interviews.add(schedule(START.plus(Duration.ofDays(10 + i)), "u-7", "u-9"));
        }
        List<MimeMessage> mail = new ArrayList<>();
        for (String id : interviews) {
            // The candidate and both interviewers; the organizer (u-1) has no address in this tenant.
            mail.addAll(mailOf(awaitNotifications("?schedule_id=" + id, list -> count(list, "sent") == 3)));
        }
        assertThat(mail).hasSize(36);
        assertThat(mail.stream().map(NotificationEndToEndTest::messageId))
                .as("each Message-ID once on the server")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepThePeopleDirectoryWithClearErrors() {
        var bad = http.put("/api/v1/people/u-5", recruiter, """
                {"email":"not-an-address","timezone":"Mars/Olympus","locale":"??"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = json(bad.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("email", "timezone", "locale");
        assertThat(json(bad.body()).get("status").asString()).isEqualTo("error");

        var put = http.put("/api/v1/people/u-5", recruiter, """
                {"email":"zoe@example.com","name":"<b>Zoë</b> 山田","timezone":"Asia/Tokyo","locale":"ja-JP"}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put.body()).get("name").asString()).isEqualTo("Zoë 山田");
        var read = http.get("/api/v1/people/u-5", reader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("email").asString()).isEqualTo("zoe@example.com");
        assertThat(json(http.get("/api/v1/people?page=0", reader).body()).toString())
                .contains("zoe@example.com");
        assertThat(http.get("/api/v1/people/u-5", token("u-x", "other-" + tenant, "people:read"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/people/u-5", token("u-x", tenant, "schedules:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.put("/api/v1/people/u-5", reader, "{\"email\":\"zoe@example.com\"}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(http.delete("/api/v1/people/u-5", recruiter, "").statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/people/u-5", reader).statusCode()).isEqualTo(404);
        assertThat(http.delete("/api/v1/people/u-5", recruiter, "").statusCode())
                .isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void person(String user, String email, String name, String zone) {
        String body = zone == null
                ? "{\"email\":\"%s\",\"name\":\"%s\"}".formatted(email, name)
                : "{\"email\":\"%s\",\"name\":\"%s\",\"timezone\":\"%s\"}".formatted(email, name, zone);
        var put = http.put("/api/v1/people/" + user, recruiter, body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private String schedule(String... interviewers) {
        return schedule(START, interviewers);
    }

    private String schedule(Instant start, String... interviewers) {
        String panel =
                java.util.Arrays.stream(interviewers).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        var created = http.post("/api/v1/schedules", recruiter, """
                {"interview_type":"technical","title":"Technical interview","scheduled_start":"%s",
                 "scheduled_end":"%s","timezone":"America/Toronto","meeting_provider":"zoom",
                 "meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"},
                 "interviewer_ids":[%s],"allow_overlap":true}""".formatted(start, start.plusSeconds(3600), panel));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).get("id").asString();
    }

    private JsonNode awaitKind(String scheduleId, String kind, int sent) {
        JsonNode all =
                awaitNotifications("?schedule_id=" + scheduleId, list -> count(filter(list, kind), "sent") == sent);
        return filter(all, kind);
    }

    private JsonNode awaitNotifications(String query, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            var response = http.get("/api/v1/notifications" + query, reader);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last = json(response.body());
            if (until.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("notifications " + query + " never matched; last: " + last);
    }

    private static JsonNode filter(JsonNode list, String kind) {
        var array = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        list.forEach(node -> {
            if (node.get("kind").asString().equals(kind)) {
                array.add(node);
            }
        });
        return array;
    }

    private static long count(JsonNode list, String status) {
        long count = 0;
        for (JsonNode node : list) {
            if (node.get("status").asString().equals(status)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> recipients(JsonNode list, String status) {
        List<String> recipients = new ArrayList<>();
        list.forEach(node -> {
            if (node.get("status").asString().equals(status)) {
                recipients.add(node.get("recipient_id").asString());
            }
        });
        return recipients;
    }

    private static JsonNode find(JsonNode list, String recipient) {
        for (JsonNode node : list) {
            if (node.get("recipient_id").asString().equals(recipient)) {
                return node;
            }
        }
        throw new AssertionError("no notification to " + recipient + " in " + list);
    }

    /** The mail the SMTP server received for these notifications, found by their Message-IDs. */
    private static List<MimeMessage> mailOf(JsonNode notifications) {
        Set<String> ids = new java.util.HashSet<>();
        notifications.forEach(node -> ids.add("<" + node.get("id").asString() + "@onramp>"));
        return DevstackFixture.infrastructure().receivedMail().stream()
                .filter(message -> ids.contains(messageId(message)))
                .toList();
    }

    private static MimeMessage only(List<MimeMessage> mail, String address) {
        var matching = mail.stream().filter(m -> addressee(m).equals(address)).toList();
        assertThat(matching).as("mail to " + address).hasSize(1);
        return matching.get(0);
    }

    private static String addressee(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static VEvent invite(MimeMessage message, String method) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(part(message, "text/calendar")));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo(method);
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private static String part(MimeMessage message, String type) throws Exception {
        var parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                Object content = part.getContent();
                return content instanceof String text
                        ? text
                        : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + type + " part in " + message.getSubject());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
