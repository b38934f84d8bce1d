package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reminders of scheduled interviews: armed, fired, cancelled and re-armed by the reminder-worker, read through the gateway. */
class ReminderEndToEndTest extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String tenant = "remind-" + UUID.randomUUID();
    private final String recruiter =
            token("u-recruiter", tenant, "schedules:create", "schedules:update", "schedules:read");

    @Autowired
    Topics topics;

    @BeforeAll
    static void reminderWorker() {
        DevstackFixture.service(Service.REMINDER_WORKER);
    }

    @Test
    void shouldFireAtOnceAReminderWhoseDueTimeJustPassedInsideItsWindowAndArmTheOthers() {
        Instant start =
                Instant.now().plus(Duration.ofHours(24)).minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant requested = Instant.now();

        String id = schedule(start);

        JsonNode reminders = awaitReminders(
                id, list -> list.size() == 3 && status(list, "1day").equals("fired"));
        JsonNode oneDay = find(reminders, "1day");
        assertThat(oneDay.get("id").asString()).isEqualTo(id + ":1day:1");
        assertThat(oneDay.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(oneDay.get("due_at").asString())).isEqualTo(start.minus(Duration.ofHours(24)));
        assertThat(Instant.parse(oneDay.get("window_end").asString())).isEqualTo(start.minus(Duration.ofHours(23)));
        Instant firedAt = Instant.parse(oneDay.get("fired_at").asString());
        assertThat(firedAt).isAfterOrEqualTo(requested.truncatedTo(ChronoUnit.MILLIS));
        System.out.printf(
                "1day reminder fired %d ms after the schedule was requested%n",
                Duration.between(requested, firedAt).toMillis());
        JsonNode oneHour = find(reminders, "1hour");
        assertThat(oneHour.get("status").asString()).isEqualTo("armed");
        assertThat(Instant.parse(oneHour.get("due_at").asString())).isEqualTo(start.minus(Duration.ofHours(1)));
        assertThat(oneHour.get("fired_at").isNull()).isTrue();
        JsonNode quarter = find(reminders, "15min");
        assertThat(quarter.get("status").asString()).isEqualTo("armed");
        assertThat(Instant.parse(quarter.get("due_at").asString())).isEqualTo(start.minus(Duration.ofMinutes(15)));

        List<ReminderEvent> published =
                reminderRecords(event -> event.getScheduleId().equals(id));
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.getReminderId()).isEqualTo(id + ":1day:1");
            assertThat(event.getStatus()).isEqualTo(ReminderStatus.FIRED);
            assertThat(event.getInterview().getCandidate().getEmail()).isEqualTo("casey@example.com");
            assertThat(event.getInterview().getInterviewerIds()).containsExactly("u-7");
        });
    }

    @Test
    void shouldCancelArmedRemindersWhenTheInterviewIsCancelled() {
        String id = schedule(Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS));
        awaitReminders(id, list -> list.size() == 3);

        var cancelled = http.post(
                "/api/v1/schedules/" + id + "/cancel", recruiter, "{\"reason\":\"withdrew\"}", "If-Match", "\"1\"");
        assertThat(cancelled.statusCode()).isEqualTo(200);

        JsonNode reminders = awaitReminders(id, list -> allMatch(list, "cancelled"));
        assertThat(reminders).hasSize(3);
    }

    @Test
    void shouldArmThreeNewRemindersAtTheNewVersionOnARescheduleAndCancelTheOldOnes() {
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        String id = schedule(start);
        awaitReminders(id, list -> list.size() == 3);
        Instant later = start.plus(Duration.ofDays(2));

        var rescheduled = http.post(
                "/api/v1/schedules/" + id + "/reschedule",
                recruiter,
                "{\"scheduled_start\":\"%s\",\"scheduled_end\":\"%s\"}".formatted(later, later.plusSeconds(3600)),
                "If-Match",
                "\"1\"");
        assertThat(rescheduled.statusCode()).isEqualTo(200);
        long version = json(rescheduled.body()).get("version").asLong();

        JsonNode reminders = awaitReminders(id, list -> list.size() == 6);
        for (JsonNode reminder : reminders) {
            if (reminder.get("version").asLong() == 1) {
                assertThat(reminder.get("status").asString()).isEqualTo("cancelled");
            } else {
                assertThat(reminder.get("version").asLong()).isEqualTo(version);
                assertThat(reminder.get("status").asString()).isEqualTo("armed");
                assertThat(reminder.get("id").asString()).endsWith(":" + version);
            }
        }
        assertThat(Instant.parse(find(reminders, "1day", version).get("due_at").asString()))
                .isEqualTo(later.minus(Duration.ofDays(1)));
    }

    @Test
    void shouldShowRemindersOnlyToWhoMayReadTheInterview() {
        String id = schedule(Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS));

        assertThat(http.get(path(id), token("u-7", tenant, "schedules:read")).statusCode())
                .as("an interviewer on the panel")
                .isEqualTo(200);
        assertThat(http.get(path(id), token("u-other", tenant, "schedules:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get(path(id), token("u-7", "other-" + tenant, "schedules:read_all"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldDeadLetterAnUnreadableScheduleEventAndStillRemindTheNextInterview() {
        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] key = (tenant + "/poison").getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.SCHEDULE_EVENTS, key, garbage);

        String id = schedule(Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS));

        assertThat(awaitReminders(id, list -> list.size() == 3)).hasSize(3);
        var deadLetter =
                probe.awaitRecord(Topics.SCHEDULE_EVENTS + ".DLT", r -> Arrays.equals(r.value(), garbage), WAIT);
        assertThat(deadLetter.key()).isEqualTo(key);
    }

    private String schedule(Instant start) {
        var created = http.post("/api/v1/schedules", recruiter, """
                {"interview_type":"technical","title":"Technical interview","scheduled_start":"%s",
                 "scheduled_end":"%s","timezone":"America/Toronto","meeting_provider":"zoom",
                 "meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"},
                 "interviewer_ids":["u-7"]}""".formatted(start, start.plusSeconds(3600)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).get("id").asString();
    }

    private JsonNode awaitReminders(String id, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            var response = http.get(path(id), recruiter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last = json(response.body());
            if (until.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("reminders of " + id + " never matched; last: " + last);
    }

    private List<ReminderEvent> reminderRecords(Predicate<ReminderEvent> matching) {
        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        List<ReminderEvent> found = new ArrayList<>();
        for (var record : probe.readToEnd(Topics.REMINDERS, WAIT)) {
            TopicRecords.readable(topics.reminders, record.value())
                    .filter(matching)
                    .ifPresent(found::add);
        }
        return found;
    }

    private static String path(String id) {
        return "/api/v1/schedules/" + id + "/reminders";
    }

    private static JsonNode find(JsonNode reminders, String kind) {
        return find(reminders, kind, reminders.get(0).get("version").asLong());
    }

    private static JsonNode find(JsonNode reminders, String kind, long version) {
        for (JsonNode reminder : reminders) {
            if (reminder.get("kind").asString().equals(kind)
                    && reminder.get("version").asLong() == version) {
                return reminder;
            }
        }
        throw new AssertionError("no " + kind + " reminder of version " + version + " in " + reminders);
    }

    private static String status(JsonNode reminders, String kind) {
        return find(reminders, kind).get("status").asString();
    }

    private static boolean allMatch(JsonNode reminders, String status) {
        if (reminders.isEmpty()) {
            return false;
        }
        for (JsonNode reminder : reminders) {
            if (!reminder.get("status").asString().equals(status)) {
                return false;
            }
        }
        return true;
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
