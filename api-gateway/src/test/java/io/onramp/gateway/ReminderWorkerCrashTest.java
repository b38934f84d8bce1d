package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reminder-worker is killed (SIGKILL) while its timers fall due and restarted: what fell due while it was down
 * fires at once on restart (still inside its window), the rest on time, and every reminder fires exactly once. The
 * 15-minute reminders of interviews starting 15 minutes and a few tens of seconds from now fall due during the test
 * with the default windows.
 */
class ReminderWorkerCrashTest extends GatewayTestSupport {

    private static final int INTERVIEWS = 20;

    private final String tenant = "remind-crash-" + UUID.randomUUID();
    private final String recruiter = token("u-recruiter", tenant, "schedules:create", "schedules:read_all");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    @Test
    void shouldFireEveryReminderOnceAcrossAKillWhileTheyFallDue() throws InterruptedException {
        DevstackFixture.service(Service.REMINDER_WORKER);
        Instant first =
                Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            // 15-minute reminders due 10 s to 48 s from now, 2 s apart; the 1-day and 1-hour windows have closed.
            Instant start = first.plusSeconds(2L * i);
            var created =
                    http.post("/api/v1/schedules", recruiter, """
                    {"interview_type":"phone","title":"Screen %d","scheduled_start":"%s","scheduled_end":"%s",
                     "timezone":"UTC","meeting_provider":"custom",
                     "candidate":{"id":"c-%d","name":"Casey","email":"casey@example.com","timezone":"UTC"}}""".formatted(i, start, start.plusSeconds(1800), i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(json(created.body()).get("id").asString());
        }
        awaitStatusCount("armed", INTERVIEWS, Duration.ofSeconds(60));

        DevstackFixture.service(Service.REMINDER_WORKER).kill();
        Instant killed = Instant.now();
        Thread.sleep(10_000);
        DevstackFixture.service(Service.REMINDER_WORKER);
        Instant restarted = Instant.now();

        awaitStatusCount("fired", INTERVIEWS, Duration.ofSeconds(120));
        long dueDuringOutage = ids.size()
                - jdbc.sql("""
                        SELECT count(*) FROM reminder.reminders
                        WHERE tenant_id = ? AND kind = '15min' AND (due_at < ? OR due_at > ?)""")
                        .params(tenant, java.sql.Timestamp.from(killed), java.sql.Timestamp.from(restarted))
                        .query(Long.class)
                        .single();
        System.out.printf(
                "reminder-worker down %d s; %d of %d reminders fell due meanwhile%n",
                Duration.between(killed, restarted).toSeconds(), dueDuringOutage, INTERVIEWS);
        assertThat(dueDuringOutage)
                .as("some reminders fell due during the outage")
                .isPositive();

        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        List<ReminderEvent> published = probe.readToEnd(Topics.REMINDERS, Duration.ofSeconds(60)).stream()
                .flatMap(record -> TopicRecords.readable(topics.reminders, record.value()).stream())
                .filter(event -> event.getTenantId().equals(tenant))
                .toList();
        Map<String, Long> firedPerId = published.stream()
                .filter(event -> event.getStatus() == ReminderStatus.FIRED)
                .collect(Collectors.groupingBy(ReminderEvent::getReminderId, Collectors.counting()));
        assertThat(firedPerId.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> id + ":15min:1").toList());
        assertThat(firedPerId.values()).as("each fired exactly once").containsOnly(1L);
        assertThat(published.stream().filter(event -> event.getStatus() == ReminderStatus.SKIPPED))
                .as("1-day and 1-hour windows had closed when they were scheduled")
                .hasSize(2 * INTERVIEWS);
        for (ReminderEvent fired : published) {
            if (fired.getStatus() == ReminderStatus.FIRED) {
                assertThat(fired.getFiredAt()).isBefore(fired.getWindowEnd()).isAfterOrEqualTo(fired.getDueAt());
            }
        }
    }

    private void awaitStatusCount(String status, int expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long count = 0;
        while (Instant.now().isBefore(deadline)) {
            count = jdbc.sql("SELECT count(*) FROM reminder.reminders WHERE tenant_id = ? AND status = ?")
                    .params(tenant, status)
                    .query(Long.class)
                    .single();
            if (count == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(count + " reminders " + status + ", not " + expected);
    }
}
