package io.onramp.bench.chaos;

import io.onramp.bench.BenchPostgres;
import io.onramp.devstack.DevTokens;
import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./onramp chaos}: each worker killed with SIGKILL several times under a steady mixed load through the gateway
 * (grants, attempt starts, scheduled interviews whose 1-day reminder fires at once and which mail the candidate), then,
 * once the load has stopped and the stack has settled, every acknowledged command looked for (lost) and every effect
 * counted (duplicated): attempts per user and interviews per candidate in the read models, reminders fired per
 * reminder on the {@code reminders} topic, mails per {@code Message-ID} at the SMTP server. One row per worker.
 */
public final class ChaosRun {

    private static final int CLIENTS = Integer.getInteger("chaos.clients", 4);
    private static final int KILLS = Integer.getInteger("chaos.kills", 3);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("chaos.steady-seconds", 4));
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final List<Service> WORKERS = List.of(
            Service.ACCESS_WORKER, Service.WORKFLOW_WORKER, Service.REMINDER_WORKER, Service.NOTIFICATION_WORKER);

    private final Infrastructure infrastructure;
    private final Map<String, String> environment;
    private final Path logs;
    private final Topics topics;
    private final Map<Service, ServiceProcess> running = new LinkedHashMap<>();
    private final String tenant = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String gateway;
    private String interview;

    /** What the clients did, each acknowledged command tagged with the scenario it was sent in. */
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final AtomicReference<Scenario> current = new AtomicReference<>();

    private record Acknowledged(String scenario, String kind, String id) {}

    /** One worker's row: what the load did while it was being killed. */
    private static final class Scenario {
        final String name;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger otherErrors = new AtomicInteger();
        final List<Duration> recoveries = new ArrayList<>();
        Instant started;
        Instant ended;

        Scenario(String name) {
            this.name = name;
        }
    }

    private ChaosRun(Infrastructure infrastructure, Path logs) {
        this.infrastructure = infrastructure;
        this.logs = logs;
        this.topics = new Topics(new ApicurioSerdes(infrastructure.registryUrl()));
        this.environment = new HashMap<>(infrastructure.serviceEnvironment());
        // Clients wait through a worker's restart instead of being told 202 (pending) after 5 s.
        this.environment.put("REPLY_TIMEOUT", "90s");
        // A mail the killed worker was sending turns unknown (never resent by itself) once its lease is over: short
        // here, so that it does within the run.
        this.environment.put("NOTIFICATION_LEASE", "20s");
        this.admin = DevTokens.mint(
                "u-admin",
                tenant,
                List.of("interviews:manage", "access:grant", "access:read", "schedules:create", "schedules:read_all"),
                Duration.ofHours(2));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("chaos.dir", "bench/target/chaos-data"));
        System.out.println("chaos: starting the stack (data in " + data.toAbsolutePath() + ")");
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, 1, data, true))) {
            BenchPostgres.durable(infrastructure);
            new ChaosRun(infrastructure, data.resolve("logs")).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        for (Service worker : WORKERS) {
            running.put(worker, ServiceProcess.start(worker, environment, Ports.free(), logs));
        }
        var gatewayProcess = ServiceProcess.start(Service.API_GATEWAY, environment, Ports.free(), logs);
        try {
            running.values().forEach(ServiceProcess::awaitHealthy);
            gatewayProcess.awaitHealthy();
            gateway = gatewayProcess.url();
            setUp();
            var stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                var thread = new Thread(() -> drive(client, stop), "chaos-client-" + client);
                thread.start();
                clients.add(thread);
            }
            for (Service worker : WORKERS) {
                kill(worker);
            }
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            System.out.println("chaos: load stopped; waiting for the stack to settle and counting");
            report(settleAndCount());
        } finally {
            gatewayProcess.close();
            running.values().forEach(ServiceProcess::close);
        }
    }

    private void setUp() throws Exception {
        var created = send("POST", "/api/v1/interviews", admin, """
                {"title":"Chaos","duration_seconds":3600,
                 "config":{"is_default_access_allowed":true,"should_end_interview_after_duration":false}}""");
        require(created, 201);
        interview = field(created.body(), "id");
        for (int i = 0; i < 60 && grant("u-probe") != 200; i++) {
            Thread.sleep(500); // the catalogue's first look-ups after start-up
        }
    }

    private void kill(Service worker) throws Exception {
        var scenario = new Scenario(worker.module());
        scenarios.put(scenario.name, scenario);
        scenario.started = Instant.now();
        current.set(scenario);
        System.out.printf("chaos: %s, %d kills%n", worker.module(), KILLS);
        Thread.sleep(STEADY.toMillis());
        for (int k = 0; k < KILLS; k++) {
            Instant killed = Instant.now();
            running.get(worker).kill();
            var restarted = ServiceProcess.start(worker, environment, Ports.free(), logs);
            running.put(worker, restarted);
            restarted.awaitHealthy();
            scenario.recoveries.add(Duration.between(killed, Instant.now()));
            Thread.sleep(STEADY.toMillis());
        }
        scenario.ended = Instant.now();
    }

    /** One client: grant, start an attempt, schedule an interview, round and round, until told to stop. */
    private void drive(int client, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            Scenario scenario = current.get();
            if (scenario == null) {
                sleep(10);
                continue;
            }
            String id = "c" + client + "-" + n;
            try {
                int status;
                String acknowledgedId = id;
                switch (n % 3) {
                    case 0 -> status = grant("u-" + id);
                    case 1 -> {
                        var response = send(
                                "POST",
                                "/api/v1/interviews/" + interview + "/attempts",
                                DevTokens.mint("u-" + id, tenant, List.of("interviews:create"), Duration.ofHours(2)),
                                "");
                        status = response.statusCode();
                    }
                    default -> {
                        var response = schedule(id);
                        status = response.statusCode();
                        if (status == 201) {
                            acknowledgedId = field(response.body(), "id");
                        }
                    }
                }
                scenario.calls.incrementAndGet();
                if (status == 200 || status == 201) {
                    acknowledged.add(new Acknowledged(scenario.name, kind(n), acknowledgedId));
                } else if (status >= 500) {
                    scenario.serverErrors.incrementAndGet();
                } else {
                    scenario.otherErrors.incrementAndGet();
                }
            } catch (Exception e) {
                scenario.calls.incrementAndGet();
                scenario.otherErrors.incrementAndGet();
            }
        }
    }

    private static String kind(int n) {
        return switch (n % 3) {
            case 0 -> "grant";
            case 1 -> "attempt";
            default -> "schedule";
        };
    }

    private int grant(String user) throws Exception {
        return send(
                        "POST",
                        "/api/v1/access",
                        admin,
                        "{\"user_id\":\"%s\",\"interview_ids\":[\"%s\"]}".formatted(user, interview))
                .statusCode();
    }

    /** Starting in a day less a minute: the 1-day reminder's window is open, so it fires at once. */
    private HttpResponse<String> schedule(String id) throws Exception {
        Instant start =
                Instant.now().plus(Duration.ofHours(24)).minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        return send("POST", "/api/v1/schedules", admin, """
                {"interview_type":"technical","title":"Chaos %s","scheduled_start":"%s","scheduled_end":"%s",
                 "timezone":"UTC","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                 "candidate":{"id":"cand-%s","name":"Casey","email":"%s@example.com","timezone":"UTC"},
                 "allow_overlap":true}""".formatted(id, start, start.plusSeconds(3600), id, id));
    }

    /** Per scenario, the counts the report prints, once every acknowledged effect is there or settling is over. */
    private Map<String, int[]> settleAndCount() throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        Map<String, int[]> counts;
        do {
            counts = count();
            boolean nothingMissing = counts.values().stream().allMatch(c -> c[0] == 0);
            if (nothingMissing) {
                break;
            }
            Thread.sleep(2_000);
        } while (Instant.now().isBefore(deadline));
        return withDuplicatedDeliveries(counts);
    }

    private Map<String, int[]> count() throws Exception {
        Map<String, int[]> counts = new LinkedHashMap<>();
        scenarios.keySet().forEach(name -> counts.put(name, new int[6]));
        try (Connection db = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp")) {
            Map<String, Integer> attemptsPerUser =
                    perKey(db, "SELECT user_id, count(*) FROM access.attempts WHERE tenant_id = ? GROUP BY user_id");
            Map<String, Integer> schedulesPerCandidate = perKey(
                    db,
                    "SELECT candidate_id, count(*) FROM workflow.schedules WHERE tenant_id = ? GROUP BY candidate_id");
            Map<String, Integer> schedules = perKey(
                    db,
                    "SELECT schedule_id, count(*) FROM workflow.schedules WHERE tenant_id = ? GROUP BY schedule_id");
            Map<String, Integer> reminders = perKey(
                    db,
                    "SELECT schedule_id, count(*) FROM reminder.reminders WHERE tenant_id = ? GROUP BY schedule_id");
            Map<String, String> invitations = byKey(
                    db,
                    "SELECT schedule_id, string_agg(status, ',') FROM notification.notifications WHERE tenant_id = ?"
                            + " AND kind = 'interview_scheduled' AND recipient_id LIKE 'cand-%' GROUP BY schedule_id",
                    rows -> rows.getString(2));
            Map<String, Integer> granted = perKey(
                    db, "SELECT user_id, count(*) FROM access.access_grants WHERE tenant_id = ? GROUP BY user_id");
            for (Acknowledged ack : acknowledged) {
                int[] c = counts.get(ack.scenario());
                switch (ack.kind()) {
                    case "grant" -> c[0] += granted.getOrDefault("u-" + ack.id(), 0) == 0 ? 1 : 0;
                    case "attempt" -> {
                        int attempts = attemptsPerUser.getOrDefault("u-" + ack.id(), 0);
                        c[0] += attempts == 0 ? 1 : 0;
                        c[1] += Math.max(0, attempts - 1);
                    }
                    default -> {
                        c[0] += schedules.getOrDefault(ack.id(), 0) == 0 ? 1 : 0;
                        c[0] += reminders.getOrDefault(ack.id(), 0) < 3 ? 1 : 0;
                        String invitation = invitations.getOrDefault(ack.id(), "");
                        if (invitation.contains("unknown")) {
                            c[5]++; // the worker died inside the SMTP exchange: surfaced for an operator, not resent
                        } else if (!invitation.contains("sent")) {
                            c[0]++;
                        }
                    }
                }
            }
            // Effects of the workers' own making are counted once for the whole run, on the row of their worker.
            counts.computeIfPresent(
                    Service.WORKFLOW_WORKER.module(), (k, c) -> add(c, 2, beyondOne(schedulesPerCandidate)));
        }
        return counts;
    }

    /** Reads the reminders topic and the mail received, once, after settling: neither tells what is missing. */
    private Map<String, int[]> withDuplicatedDeliveries(Map<String, int[]> counts) {
        int firings = beyondOne(firedPerReminder());
        int mails = beyondOne(mailsPerMessageId());
        counts.computeIfPresent(Service.REMINDER_WORKER.module(), (k, c) -> add(c, 3, firings));
        counts.computeIfPresent(Service.NOTIFICATION_WORKER.module(), (k, c) -> add(c, 4, mails));
        return counts;
    }

    private static int beyondOne(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    }

    private static int[] add(int[] counts, int index, int value) {
        counts[index] += value;
        return counts;
    }

    /** The first column of each row, to the second as {@code value} reads it; the one parameter is the tenant. */
    private <V> Map<String, V> byKey(Connection db, String sql, Column<V> value) throws SQLException {
        Map<String, V> values = new HashMap<>();
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), value.read(rows));
                }
            }
        }
        return values;
    }

    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet rows) throws SQLException;
    }

    private Map<String, Integer> perKey(Connection db, String sql) throws SQLException {
        return byKey(db, sql, rows -> rows.getInt(2));
    }

    /** FIRED records on the public {@code reminders} topic, per reminder, for this run's tenant. */
    private Map<String, Integer> firedPerReminder() {
        Map<String, Integer> fired = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafkaBootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                topics.reminders.valueSerde().deserializer())) {
            var partitions = consumer.partitionsFor(topics.reminders.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var event = record.value();
                    if (event.getTenantId().equals(tenant) && event.getStatus() == ReminderStatus.FIRED) {
                        fired.merge(event.getReminderId(), 1, Integer::sum);
                    }
                }
            }
        }
        return fired;
    }

    private Map<String, Integer> mailsPerMessageId() {
        return infrastructure.receivedMail().stream()
                .collect(Collectors.toMap(ChaosRun::messageId, m -> 1, Integer::sum));
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            return "unreadable";
        }
    }

    private void report(Map<String, int[]> counts) {
        var out = new StringBuilder(
                "\nWorkers killed with SIGKILL under load (%d clients through the gateway; %d kills each)%n"
                        .formatted(CLIENTS, KILLS));
        out.append("  %-20s %8s %7s %6s %8s %5s %9s %9s %8s %8s %6s %12s%n"
                .formatted(
                        "worker",
                        "calls/s",
                        "acked",
                        "lost",
                        "dup.rows",
                        "5xx",
                        "other err",
                        "dup.fired",
                        "dup.mail",
                        "unknown",
                        "kills",
                        "recovery p50/max s"));
        for (Scenario s : scenarios.values()) {
            int[] c = counts.get(s.name);
            long acked = acknowledged.stream()
                    .filter(a -> a.scenario().equals(s.name))
                    .count();
            double seconds = Duration.between(s.started, s.ended).toMillis() / 1000.0;
            var recoveries =
                    s.recoveries.stream().map(Duration::toMillis).sorted().toList();
            out.append("  %-20s %8.1f %7d %6d %8d %5d %9d %9d %8d %8d %6d %7.1f / %.1f%n"
                    .formatted(
                            s.name,
                            s.calls.get() / seconds,
                            acked,
                            c[0],
                            c[1] + c[2],
                            s.serverErrors.get(),
                            s.otherErrors.get(),
                            c[3],
                            c[4],
                            c[5],
                            s.recoveries.size(),
                            recoveries.isEmpty() ? 0 : recoveries.get(recoveries.size() / 2) / 1000.0,
                            recoveries.isEmpty() ? 0 : recoveries.get(recoveries.size() - 1) / 1000.0));
        }
        out.append("""
                  acked: commands answered 200/201; lost: acknowledged commands whose effect (grant row, attempt row,
                  interview row, its 3 reminders, its candidate's sent invitation) is missing after settling;
                  dup.rows: attempts per user and interviews per candidate beyond one; dup.fired: FIRED records per
                  reminder beyond one on the reminders topic; dup.mail: mails per Message-ID beyond one at the SMTP
                  server (the last three are counted over the whole run, on the row of the worker that makes them);
                  unknown: invitations whose sending a kill cut off, marked unknown for an operator to resend.
                """);
        System.out.println(out);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    private static String field(String json, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
