package io.onramp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.DevstackExtension;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.notification.adapters.jdbc.DeliveryLog;
import io.onramp.notification.adapters.mail.SmtpSender;
import io.onramp.notification.delivery.DeliveryMetrics;
import io.onramp.notification.delivery.Dispatcher;
import io.onramp.notification.domain.DeliveryPolicy;
import io.onramp.notification.domain.Outgoing;
import io.onramp.notification.domain.Status;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Keys;
import io.onramp.schemas.NotificationEvent;
import io.onramp.schemas.NotificationStatus;
import io.onramp.schemas.PersonEvent;
import io.onramp.schemas.ScheduleCandidate;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.ScheduleEventType;
import io.onramp.schemas.ScheduleStatus;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowStatus;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification-worker on the real stack (broker, registry, PostgreSQL, the devstack's SMTP server): intake from
 * events, the delivery log, sends, retries, dead and unknown notifications, and several senders sharing the work.
 */
@ExtendWith(DevstackExtension.class)
@SpringBootTest(
        properties = {
            "onramp.notification-worker.max-attempts=3",
            "onramp.notification-worker.first-backoff=300ms",
            "onramp.notification-worker.max-backoff=1s",
            "onramp.notification-worker.poll-interval=100ms",
            "onramp.notification-worker.lease=3s",
            "onramp.notification-worker.lease-check-interval=200ms",
            "onramp.notification-worker.smtp-timeout=2s"
        })
class NotificationWorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DevstackFixture.infrastructure().serviceEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    Topics topics;

    @Autowired
    RecordPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryLog deliveryLog;

    @Autowired
    SmtpSender smtp;

    @Autowired
    DeliveryMetrics metrics;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void shouldSendEveryoneTheirInvitationOnceEvenWhenTheEventComesTwice(Infrastructure infrastructure)
            throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        person(tenant, "u-1", "organizer@example.com", "Olga Organizer", "Europe/Berlin");
        person(tenant, "u-7", "ada@example.com", "Ada", "America/New_York");
        person(tenant, "u-9", "grace@example.com", "Grace", null);
        ScheduleEvent scheduled = scheduleEvent(tenant, ScheduleEventType.SCHEDULED, 1, List.of("u-7", "u-9", "u-11"));
        String key = Keys.of(tenant, scheduled.getScheduleId());
        publisher.publish(topics.scheduleEvents, key, scheduled);
        publisher.publish(topics.scheduleEvents, key, scheduled);

        Map<String, String> statuses = awaitStatuses(tenant, 5, "sent", 4);
        assertThat(statuses)
                .containsEntry("c-1", "sent")
                .containsEntry("u-1", "sent")
                .containsEntry("u-7", "sent")
                .containsEntry("u-9", "sent")
                .containsEntry("u-11", "undeliverable");

        var mail = mailOf(infrastructure, tenant);
        assertThat(mail).hasSize(4);
        assertThat(mail.stream().map(NotificationWorkerIntegrationTest::messageId))
                .as("each Message-ID once")
                .doesNotHaveDuplicates();
        MimeMessage ada = only(mail, "ada@example.com");
        assertThat(ada.getSubject()).isEqualTo("Interview scheduled: Technical interview, Thu 3 Dec 2026 10:00 EST");
        assertThat(part(ada, "text/calendar"))
                .contains("METHOD:REQUEST", "UID:" + scheduled.getScheduleId() + "@onramp");
        assertThat(part(only(mail, "organizer@example.com"), "text/plain"))
                .contains("Thursday 3 December 2026, 16:00–17:00 CET (Europe/Berlin)");
        assertThat(part(only(mail, "casey@example.com"), "text/plain"))
                .contains("Friday 4 December 2026, 00:00–01:00 JST (Asia/Tokyo)");
    }

    @Test
    void shouldRetryWhileTheMailServerIsDownAndSendOnceItIsBack(Infrastructure infrastructure) throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        person(tenant, "g-1", "guest@example.com", "Gus", null);
        infrastructure.down(Infrastructure.Part.MAIL);
        try {
            task(tenant, "g-1", "Please add your payslips");
            await("a failed try", () -> "failed".equals(status(tenant, "g-1")));
            assertThat(lastError(tenant, "g-1")).containsIgnoringCase("connect");
        } finally {
            infrastructure.up(Infrastructure.Part.MAIL);
        }
        await("sent once the server is back", () -> "sent".equals(status(tenant, "g-1")));
        var mail = mailOf(infrastructure, tenant);
        assertThat(mail).hasSize(1);
        assertThat(part(mail.get(0), "text/plain")).contains("Note from the reviewer: Please add your payslips");
    }

    @Test
    void shouldEndDeadAtOnceWhenTheServerRefusesForGood(Infrastructure infrastructure) {
        String tenant = "t-" + UUID.randomUUID();
        person(tenant, "g-1", "nobody@" + Infrastructure.REFUSED_MAIL_DOMAIN, null, null);
        task(tenant, "g-1", null);
        await("dead", () -> "dead".equals(status(tenant, "g-1")));
        assertThat(attempts(tenant, "g-1")).isEqualTo(1);
        assertThat(lastError(tenant, "g-1")).contains("550");
        assertThat(awaitEvent(infrastructure, tenant, NotificationStatus.DEAD).getAttempts())
                .isEqualTo(1);
    }

    @Test
    void shouldEndDeadAfterTheLastTryWhenTheServerRefusesForNow(Infrastructure infrastructure) {
        String tenant = "t-" + UUID.randomUUID();
        person(tenant, "g-1", "someone@" + Infrastructure.BUSY_MAIL_DOMAIN, null, null);
        task(tenant, "g-1", null);
        await("dead after three tries", () -> "dead".equals(status(tenant, "g-1")));
        assertThat(attempts(tenant, "g-1")).isEqualTo(3);
        assertThat(lastError(tenant, "g-1")).contains("451");
    }

    @Test
    void shouldLeaveASendWhoseSenderDiedUnknownAndNeverSendItAgain(Infrastructure infrastructure) throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        person(tenant, "g-1", "guest@example.com", null, null);
        List<Outgoing> claimed = new ArrayList<>();
        // Hold this instance's senders while a sender that is about to die claims the notification.
        dispatcher.stop();
        try {
            task(tenant, "g-1", "before the crash");
            await("logged", () -> "pending".equals(status(tenant, "g-1")));
            claimed.addAll(deliveryLog.claim("doomed", 50, Duration.ofSeconds(1), Instant.now()).stream()
                    .filter(n -> "guest@example.com".equals(n.recipient()))
                    .toList());
        } finally {
            dispatcher.start();
        }
        assertThat(claimed).hasSize(1);
        // It sends, then dies before recording anything: the log still says "sending" under its lease.
        assertThat(smtp.send(claimed).values())
                .extracting(SmtpSender.Result::outcome)
                .containsExactly(DeliveryPolicy.Outcome.ACCEPTED);
        assertThat(status(tenant, "g-1")).isEqualTo("sending");

        await("unknown once the lease ran out", () -> "unknown".equals(status(tenant, "g-1")));
        Thread.sleep(1_000);
        assertThat(status(tenant, "g-1")).as("never tried again by itself").isEqualTo("unknown");
        assertThat(mailOf(infrastructure, tenant)).hasSize(1);
        assertThat(awaitEvent(infrastructure, tenant, NotificationStatus.UNKNOWN)
                        .getAttempts())
                .isEqualTo(1);

        // Only a resend sends it again, with the same Message-ID.
        assertThat(deliveryLog.resend(tenant, UUID.fromString(id(tenant, "g-1")), Instant.now()))
                .contains(new DeliveryLog.Resend(true, Status.PENDING));
        await("sent on request", () -> "sent".equals(status(tenant, "g-1")));
        var mail = mailOf(infrastructure, tenant);
        assertThat(mail).hasSize(2);
        assertThat(mail.stream()
                        .map(NotificationWorkerIntegrationTest::messageId)
                        .distinct())
                .hasSize(1);
        assertThat(deliveryLog.resend(tenant, UUID.fromString(id(tenant, "g-1")), Instant.now()))
                .contains(new DeliveryLog.Resend(false, Status.SENT));
    }

    @Test
    void shouldSendEachNotificationOnceWhateverTheNumberOfSenders(Infrastructure infrastructure) throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        List<Dispatcher> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var other = new Dispatcher(
                    deliveryLog,
                    smtp,
                    new DeliveryPolicy(3, Duration.ofMillis(300), 2, Duration.ofSeconds(1)),
                    metrics,
                    new Dispatcher.Settings(2, 5, Duration.ofSeconds(30), Duration.ofMillis(20)),
                    Clock.systemUTC(),
                    "other-" + i);
            other.start();
            others.add(other);
        }
        try {
            int guests = 60;
            for (int g = 0; g < guests; g++) {
                person(tenant, "g-" + g, "guest-" + g + "@example.com", null, null);
            }
            for (int g = 0; g < guests; g++) {
                task(tenant, "g-" + g, null);
            }
            await("all sent", () -> count(tenant, "sent") == guests);
            var mail = mailOf(infrastructure, tenant);
            assertThat(mail).hasSize(guests);
            assertThat(mail.stream().map(NotificationWorkerIntegrationTest::messageId))
                    .doesNotHaveDuplicates();
        } finally {
            others.forEach(Dispatcher::stop);
        }
    }

    @Test
    void shouldKeepTheDirectoryAndSkipWhatBreaksItsRules(Infrastructure infrastructure) {
        String tenant = "t-" + UUID.randomUUID();
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        probe.send(Topics.PEOPLE, Keys.of(tenant, "u-0").getBytes(StandardCharsets.UTF_8), garbage);
        person(tenant, "u-1", "not an address", null, "Mars/Olympus");
        person(tenant, "u-2", "ada@example.com", "<b>Ada</b>", "Europe/London");

        await("the valid one kept", () -> "ada@example.com".equals(email(tenant, "u-2")));
        assertThat(jdbc.sql("SELECT name FROM people WHERE tenant_id = ? AND user_id = 'u-2'")
                        .param(tenant)
                        .query(String.class)
                        .single())
                .isEqualTo("Ada");
        // The records sit on different partitions: the rejection may be recorded before or after u-2 is kept.
        await("the invalid one recorded as rejected", () -> rejection(tenant, "u-1") != null);
        assertThat(rejection(tenant, "u-1")).contains("email", "timezone");
        assertThat(email(tenant, "u-1")).isNull();
        assertThat(probe.awaitRecord(Topics.PEOPLE + ".DLT", r -> Arrays.equals(r.value(), garbage), WAIT))
                .isNotNull();

        publisher.publish(topics.people, Keys.of(tenant, "u-2"), null, Map.of());
        await("erased", () -> email(tenant, "u-2") == null);
    }

    @Test
    void shouldApplyTheRecordsAroundAnUnreadableOneInTheSameBatch(Infrastructure infrastructure) throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        Instant now = Instant.now();
        // Three records on one partition, sent together so that one poll returns them: readable, unreadable, readable.
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(
                Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers(), "linger.ms", 50),
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var serializer = topics.people.valueSerde().serializer();
            producer.send(record(
                    tenant,
                    "u-1",
                    serializer.serialize(
                            Topics.PEOPLE,
                            new PersonEvent(tenant, "u-1", "before@example.com", null, null, null, now))));
            producer.send(record(tenant, "u-x", ("garbage " + tenant).getBytes(StandardCharsets.UTF_8)));
            producer.send(record(
                    tenant,
                    "u-2",
                    serializer.serialize(
                            Topics.PEOPLE,
                            new PersonEvent(tenant, "u-2", "after@example.com", null, null, null, now))));
            producer.flush();
        }
        await("the record before the unreadable one", () -> "before@example.com".equals(email(tenant, "u-1")));
        await("the record after it", () -> "after@example.com".equals(email(tenant, "u-2")));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record(
            String tenant, String user, byte[] value) {
        return new org.apache.kafka.clients.producer.ProducerRecord<>(
                Topics.PEOPLE, 0, Keys.of(tenant, user).getBytes(StandardCharsets.UTF_8), value);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void person(String tenant, String user, String email, String name, String zone) {
        publisher.publish(
                topics.people,
                Keys.of(tenant, user),
                new PersonEvent(tenant, user, email, name, zone, null, Instant.now()));
        if (email != null && email.contains("@") && !email.contains(" ")) {
            await("person " + user, () -> email.equals(email(tenant, user)));
        }
    }

    private void task(String tenant, String guest, String note) {
        var event = WorkflowEvent.newBuilder()
                .setEventId(tenant + "/" + guest + "/1/" + UUID.randomUUID())
                .setTenantId(tenant)
                .setGuestId(guest)
                .setType(WorkflowEventType.TASK_STATUS_CHANGED)
                .setDefinitionId("guest-onboarding")
                .setDefinitionVersion(1)
                .setGroupKey("application_and_onboarding")
                .setTaskKey("application")
                .setFromStatus(WorkflowStatus.IN_PROGRESS)
                .setToStatus(WorkflowStatus.MORE_INFORMATION_NEEDED)
                .setNote(note)
                .setActorId("u-1")
                .setWorkflowVersion(3)
                .setOccurredAt(Instant.now())
                .build();
        publisher.publish(topics.workflowEvents, Keys.of(tenant, guest), event);
    }

    private static ScheduleEvent scheduleEvent(
            String tenant, ScheduleEventType type, long version, List<String> interviewers) {
        Instant start = Instant.parse("2026-12-03T15:00:00Z");
        String id = UUID.randomUUID().toString();
        return ScheduleEvent.newBuilder()
                .setEventId(tenant + "/" + id + "/" + version)
                .setTenantId(tenant)
                .setScheduleId(id)
                .setType(type)
                .setStatus(ScheduleStatus.SCHEDULED)
                .setInterviewType("technical")
                .setTitle("Technical interview")
                .setScheduledStart(start)
                .setScheduledEnd(start.plus(1, ChronoUnit.HOURS))
                .setTimezone("America/Toronto")
                .setCandidate(new ScheduleCandidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo"))
                .setOrganizerId("u-1")
                .setInterviewerIds(interviewers)
                .setMeetingUrl("https://zoom.us/j/1")
                .setLocation("Virtual")
                .setRescheduleCount(0)
                .setActorId("u-1")
                .setVersion(version)
                .setOccurredAt(Instant.now())
                .build();
    }

    private Map<String, String> awaitStatuses(String tenant, int expected, String status, int withStatus) {
        await(withStatus + " " + status, () -> count(tenant, status) >= withStatus && count(tenant, null) >= expected);
        return jdbc
                .sql("SELECT recipient_id, status FROM notifications WHERE tenant_id = ?")
                .param(tenant)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long count(String tenant, String status) {
        return jdbc.sql(
                        "SELECT count(*) FROM notifications WHERE tenant_id = ? AND (CAST(? AS text) IS NULL OR status = ?)")
                .params(tenant, status, status)
                .query(Long.class)
                .single();
    }

    private String status(String tenant, String recipient) {
        return column(tenant, recipient, "status");
    }

    private String id(String tenant, String recipient) {
        return column(tenant, recipient, "id::text");
    }

    private String lastError(String tenant, String recipient) {
        return column(tenant, recipient, "last_error");
    }

    private int attempts(String tenant, String recipient) {
        return Integer.parseInt(column(tenant, recipient, "attempts::text"));
    }

    private String column(String tenant, String recipient, String column) {
        return jdbc.sql("SELECT " + column + " FROM notifications WHERE tenant_id = ? AND recipient_id = ?")
                .params(tenant, recipient)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String rejection(String tenant, String user) {
        return jdbc.sql("SELECT errors::text FROM people_rejections WHERE tenant_id = ? AND user_id = ?")
                .params(tenant, user)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String email(String tenant, String user) {
        return jdbc.sql("SELECT email FROM people WHERE tenant_id = ? AND user_id = ?")
                .params(tenant, user)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private NotificationEvent awaitEvent(Infrastructure infrastructure, String tenant, NotificationStatus status) {
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        var record = probe.awaitRecord(
                Topics.NOTIFICATION_EVENTS,
                r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(tenant + "/")
                        && RecordPublisher.read(topics.notificationEvents, r.value())
                                        .getStatus()
                                == status,
                WAIT);
        return RecordPublisher.read(topics.notificationEvents, record.value());
    }

    /** The mail the server received for notifications of this tenant (their ids are in the log). */
    private List<MimeMessage> mailOf(Infrastructure infrastructure, String tenant) {
        var ids = jdbc
                .sql("SELECT id::text FROM notifications WHERE tenant_id = ?")
                .param(tenant)
                .query(String.class)
                .list()
                .stream()
                .map(id -> "<" + id + "@onramp>")
                .collect(Collectors.toSet());
        return infrastructure.receivedMail().stream()
                .filter(message -> ids.contains(messageId(message)))
                .toList();
    }

    private static MimeMessage only(List<MimeMessage> mail, String address) {
        var matching = mail.stream()
                .filter(message -> recipient(message).equals(address))
                .toList();
        assertThat(matching).as("mail to " + address).hasSize(1);
        return matching.get(0);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage message, String type) throws MessagingException, IOException {
        var parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                Object content = part.getContent();
                return content instanceof String text
                        ? text
                        : new String(((java.io.InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
