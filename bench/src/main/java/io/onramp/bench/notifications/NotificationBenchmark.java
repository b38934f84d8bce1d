package io.onramp.bench.notifications;

import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.Keys;
import io.onramp.schemas.PersonEvent;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowStatus;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The notification benchmark ({@code ./onramp bench notifications}): a burst of source events (a reviewer asking each
 * of N guests for more information) through the notification-worker to the devstack's SMTP server, timed from the
 * first event published to the last notification the server accepted; beside it, in the same run, a plain Jakarta
 * Mail loop sending the same messages (same subjects and bodies, read back from the delivery log) over one
 * connection to the same server. Then a second burst during which the worker is killed (SIGKILL) and restarted:
 * duplicates counted by Message-ID on the server, and every notification must end sent or unknown (none lost).
 */
public final class NotificationBenchmark {

    private static final int COUNT = Integer.getInteger("bench.notifications", 5_000);
    private static final Duration WAIT = Duration.ofMinutes(10);
    /** A short lease, so that what the killed worker held turns unknown within the run. */
    private static final String LEASE = "20s";

    private final Infrastructure infrastructure;
    private final Path data;
    private final Topics topics;
    private final StringBuilder report = new StringBuilder();

    private NotificationBenchmark(Infrastructure infrastructure, Path data) {
        this.infrastructure = infrastructure;
        this.data = data;
        this.topics = new Topics(new ApicurioSerdes(infrastructure.registryUrl()));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("bench.dir", "bench/target/notification-bench-data"));
        System.setProperty(ServiceProcess.FULL_JIT_PROPERTY, "true");
        System.out.println("bench notifications: starting the stack (data in " + data.toAbsolutePath() + ")");
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, 1, data, true))) {
            new NotificationBenchmark(infrastructure, data).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        var worker = startWorker();
        try (var producer = producer();
                var db = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp")) {
            String tenant = "bench-" + UUID.randomUUID();
            directory(producer, db, tenant, 2 * COUNT);

            // Warm-up: a small burst, not measured.
            burst(producer, tenant, 0, 200, "warm-up");
            awaitTerminal(db, tenant, 200);

            System.out.printf("bench notifications: %,d notifications through the worker%n", COUNT);
            Instant started = Instant.now();
            burst(producer, tenant, 200, COUNT, "measured");
            Instant finished = awaitSent(db, tenant, 200 + COUNT);
            double workerRate = COUNT / seconds(Duration.between(started, finished));
            Delays delays = delays(db, tenant, 200, COUNT, "sent_at - source_occurred_at");
            Delays logged = delays(db, tenant, 200, COUNT, "created_at - source_occurred_at");
            Delays waiting = delays(db, tenant, 200, COUNT, "sent_at - created_at");

            System.out.printf("bench notifications: the same %,d messages through a plain Jakarta Mail loop%n", COUNT);
            var messages = content(db, tenant, 200, COUNT);
            Duration loop = sendLoop(messages);
            double loopRate = COUNT / seconds(loop);

            report.append(
                    "\nNotifications: %,d, event → accepted by the local SMTP server (GreenMail)%n".formatted(COUNT));
            report.append("  %-44s %12s %10s%n".formatted("", "per second", "ratio"));
            report.append(
                    "  %-44s %12.0f %10s%n".formatted("plain Jakarta Mail loop (one connection)", loopRate, "1.00×"));
            report.append("  %-44s %12.0f %9.2f×%n"
                    .formatted("notification-worker (event → sent)", workerRate, workerRate / loopRate));
            report.append("  delay from source event to sent: p50 %,d ms, p99 %,d ms, max %,d ms%n"
                    .formatted(delays.p50(), delays.p99(), delays.max()));
            report.append(
                    "    of which event → in the delivery log: p50 %,d ms, p99 %,d ms; log → sent: p50 %,d ms, p99 %,d ms%n"
                            .formatted(logged.p50(), logged.p99(), waiting.p50(), waiting.p99()));

            worker = killDuringBurst(worker, producer, db, tenant);
        } finally {
            worker.close();
        }
        System.out.print(report);
    }

    private ServiceProcess killDuringBurst(
            ServiceProcess worker, KafkaProducer<byte[], byte[]> producer, Connection db, String tenant)
            throws Exception {
        int from = 200 + COUNT;
        System.out.printf("bench notifications: a burst of %,d, with the worker killed in the middle%n", COUNT);
        burst(producer, tenant, from, COUNT, "killed");
        while (count(db, tenant, "sent", from, COUNT) < COUNT / 3) {
            Thread.sleep(5);
        }
        long sentBeforeKill = count(db, tenant, "sent", from, COUNT);
        worker.kill();
        Instant killed = Instant.now();
        System.out.printf(
                "bench notifications: worker killed (SIGKILL) with %,d of %,d sent; restarting%n",
                sentBeforeKill, COUNT);
        Thread.sleep(2_000);
        worker = startWorker();
        awaitTerminal(db, tenant, from + COUNT);
        Duration recovered = Duration.between(killed, Instant.now());

        Map<String, String> statuses = statuses(db, tenant, from, COUNT);
        long sent = statuses.values().stream().filter("sent"::equals).count();
        long unknown = statuses.values().stream().filter("unknown"::equals).count();
        long other = statuses.size() - sent - unknown;
        long missing = COUNT - statuses.size();
        Set<String> ids =
                statuses.keySet().stream().map(id -> "<" + id + "@onramp>").collect(Collectors.toSet());
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : infrastructure.receivedMail()) {
            String id = message.getMessageID();
            if (ids.contains(id)) {
                received.merge(id, 1, Integer::sum);
            }
        }
        long duplicates = received.values().stream()
                .filter(n -> n > 1)
                .mapToLong(n -> n - 1)
                .sum();
        long sentButNotReceived = statuses.entrySet().stream()
                .filter(e -> e.getValue().equals("sent"))
                .filter(e -> !received.containsKey("<" + e.getKey() + "@onramp>"))
                .count();
        report.append("\nKill -9 mid-burst: %,d notifications, worker killed with %,d sent, restarted after 2 s%n"
                .formatted(COUNT, sentBeforeKill));
        report.append(("  sent %,d, unknown %,d (the lease of %s ran out on what the dead worker held), other %,d,"
                        + " never logged %,d%n")
                .formatted(sent, unknown, LEASE, other, missing));
        report.append("  duplicates by Message-ID on the server: %,d (target 0)%n".formatted(duplicates));
        report.append("  lost (neither sent nor unknown): %,d (target 0); sent but not on the server: %,d%n"
                .formatted(other + missing, sentButNotReceived));
        report.append("  every notification settled %,d s after the kill%n".formatted(recovered.toSeconds()));
        return worker;
    }

    private ServiceProcess startWorker() {
        List<String> args = new ArrayList<>(
                List.of("--onramp.notification-worker.lease=" + LEASE, "--onramp.notification-worker.smtp-timeout=5s"));
        // -Dbench.notifications.worker="--onramp.notification-worker.senders=4 …" tries other settings.
        String extra = System.getProperty("bench.notifications.worker", "").strip();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        return ServiceProcess.start(
                        Service.NOTIFICATION_WORKER,
                        infrastructure.serviceEnvironment(),
                        Ports.free(),
                        data.resolve("logs"),
                        args.toArray(String[]::new))
                .awaitHealthy();
    }

    private void directory(KafkaProducer<byte[], byte[]> producer, Connection db, String tenant, int guests)
            throws Exception {
        System.out.printf("bench notifications: %,d people in the directory%n", guests + 200);
        Instant now = Instant.now();
        for (int g = 0; g < guests + 200; g++) {
            String user = guest(g);
            send(
                    producer,
                    topics.people.name(),
                    Keys.of(tenant, user),
                    topics.people
                            .valueSerde()
                            .serializer()
                            .serialize(
                                    topics.people.name(),
                                    new PersonEvent(
                                            tenant,
                                            user,
                                            user + "@example.com",
                                            "Guest " + g,
                                            "Europe/Berlin",
                                            null,
                                            now)));
        }
        producer.flush();
        Instant deadline = Instant.now().plus(WAIT);
        while (scalar(db, "SELECT count(*) FROM notification.people WHERE tenant_id = ?", tenant) < guests + 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the directory did not fill; see " + data.resolve("logs"));
            }
            Thread.sleep(50);
        }
    }

    private void burst(KafkaProducer<byte[], byte[]> producer, String tenant, int from, int count, String label) {
        for (int g = from; g < from + count; g++) {
            String guest = guest(g);
            var event = WorkflowEvent.newBuilder()
                    .setEventId(tenant + "/" + guest + "/1/" + label)
                    .setTenantId(tenant)
                    .setGuestId(guest)
                    .setType(WorkflowEventType.TASK_STATUS_CHANGED)
                    .setDefinitionId("guest-onboarding")
                    .setDefinitionVersion(1)
                    .setGroupKey("application_and_onboarding")
                    .setTaskKey("application")
                    .setFromStatus(WorkflowStatus.IN_PROGRESS)
                    .setToStatus(WorkflowStatus.MORE_INFORMATION_NEEDED)
                    .setNote("Please add your last three payslips")
                    .setActorId("u-reviewer")
                    .setWorkflowVersion(3)
                    .setOccurredAt(Instant.now())
                    .build();
            send(
                    producer,
                    topics.workflowEvents.name(),
                    Keys.of(tenant, guest),
                    topics.workflowEvents.valueSerde().serializer().serialize(topics.workflowEvents.name(), event));
        }
        producer.flush();
    }

    /** The guest of position {@code g}, whose notifications are ordered by this id in queries. */
    private static String guest(int g) {
        return "g-%06d".formatted(g);
    }

    private Instant awaitSent(Connection db, String tenant, int total) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (scalar(
                        db,
                        "SELECT count(*) FROM notification.notifications WHERE tenant_id = ? AND status = 'sent'",
                        tenant)
                < total) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not every notification was sent in " + WAIT);
            }
            Thread.sleep(10);
        }
        try (var statement =
                db.prepareStatement("SELECT max(sent_at) FROM notification.notifications WHERE tenant_id = ?")) {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /** Waits until {@code total} notifications of the tenant are logged and none is still on its way. */
    private void awaitTerminal(Connection db, String tenant, int total) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (scalar(db, "SELECT count(*) FROM notification.notifications WHERE tenant_id = ?", tenant) < total
                || scalar(
                                db,
                                "SELECT count(*) FROM notification.notifications WHERE tenant_id = ?"
                                        + " AND status IN ('pending', 'sending', 'failed')",
                                tenant)
                        > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("notifications did not settle in " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private long count(Connection db, String tenant, String status, int from, int count) throws SQLException {
        try (var statement = db.prepareStatement("SELECT count(*) FROM notification.notifications"
                + " WHERE tenant_id = ? AND status = ? AND guest_id >= ? AND guest_id < ?")) {
            statement.setString(1, tenant);
            statement.setString(2, status);
            statement.setString(3, guest(from));
            statement.setString(4, guest(from + count));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, String> statuses(Connection db, String tenant, int from, int count) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (var statement = db.prepareStatement("SELECT id::text, status FROM notification.notifications"
                + " WHERE tenant_id = ? AND guest_id >= ? AND guest_id < ?")) {
            statement.setString(1, tenant);
            statement.setString(2, guest(from));
            statement.setString(3, guest(from + count));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return statuses;
    }

    record Delays(long p50, long p99, long max) {}

    /** Percentiles of {@code interval} (an SQL expression over the log's times) in milliseconds. */
    private Delays delays(Connection db, String tenant, int from, int count, String interval) throws SQLException {
        List<Long> millis = new ArrayList<>();
        try (var statement = db.prepareStatement("SELECT (EXTRACT(EPOCH FROM " + interval + ") * 1000)"
                + "::bigint FROM notification.notifications WHERE tenant_id = ? AND guest_id >= ? AND guest_id < ?"
                + " ORDER BY 1")) {
            statement.setString(1, tenant);
            statement.setString(2, guest(from));
            statement.setString(3, guest(from + count));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    millis.add(rs.getLong(1));
                }
            }
        }
        return new Delays(
                millis.get(millis.size() / 2),
                millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)),
                millis.get(millis.size() - 1));
    }

    record Content(String to, String subject, String text, String html) {}

    private List<Content> content(Connection db, String tenant, int from, int count) throws SQLException {
        List<Content> messages = new ArrayList<>();
        try (var statement = db.prepareStatement("SELECT recipient, subject, body_text, body_html"
                + " FROM notification.notifications WHERE tenant_id = ? AND guest_id >= ? AND guest_id < ?")) {
            statement.setString(1, tenant);
            statement.setString(2, guest(from));
            statement.setString(3, guest(from + count));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    messages.add(new Content(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return messages;
    }

    /** The baseline: the same messages, built and sent one after the other over one connection. */
    private Duration sendLoop(List<Content> messages) throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(infrastructure.smtpPort()));
        Session session = Session.getInstance(properties);
        var from = new InternetAddress("notifications@onramp.local");
        Instant started = Instant.now();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Content content : messages) {
                var message = new MimeMessage(session);
                message.setFrom(from);
                // A recipient the server has not seen, as each of the worker's was: GreenMail creates a mailbox
                // for every new address, and that must cost both sides the same.
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("loop-" + content.to()));
                message.setSubject(content.subject(), "UTF-8");
                var alternatives = new MimeMultipart("alternative");
                var text = new MimeBodyPart();
                text.setContent(content.text(), "text/plain; charset=UTF-8");
                alternatives.addBodyPart(text);
                var html = new MimeBodyPart();
                html.setContent(content.html(), "text/html; charset=UTF-8");
                alternatives.addBodyPart(html);
                message.setContent(alternatives);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return Duration.between(started, Instant.now());
    }

    private static long scalar(Connection db, String sql, String tenant) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) {
                    return 0; // the worker has not created its schema yet
                }
                throw e;
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        // On topics created moments ago the one-node test broker has answered an idempotent producer
                        // with OutOfOrderSequence forever (docs/benchmarks.md); one request in flight keeps order.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
