package io.onramp.bench;

import io.onramp.devstack.DevTokens;
import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures, on one machine and in one run (so that only ratios are compared): the start-attempt round trip through
 * the gateway, a bare Kafka ping-pong on the same broker (the floor) and the source documents' synchronous PostgreSQL
 * design behind the same HTTP stack (the peer), at 1, 16 and 64 clients; a bulk grant of 10,000 interviews; and the
 * rate at which upstream enrolment events become grants.
 */
public final class Benchmark {

    private static final String TENANT = "bench";
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int[] CLIENTS = {1, 16, 64};
    private static final int BULK_IDS = 10_000;
    private static final int ENROLMENTS = 20_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Infrastructure infrastructure;
    private final String gateway;
    private final String peer;
    private final Topics topics;

    private Benchmark(Infrastructure infrastructure, String gateway, String peer) {
        this.infrastructure = infrastructure;
        this.gateway = gateway;
        this.peer = peer;
        this.topics = new Topics(new ApicurioSerdes(infrastructure.registryUrl()));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(ServiceProcess.FULL_JIT_PROPERTY, "true");
        Path data = Path.of(System.getProperty("bench.dir", "bench/target/bench-data"));
        System.out.println("bench: starting the stack (data in " + data.toAbsolutePath() + ")");
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, 1, data, true))) {
            var env = infrastructure.serviceEnvironment();
            Path logs = data.resolve("logs");
            try (var worker = ServiceProcess.start(Service.ACCESS_WORKER, env, Ports.free(), logs);
                    var workflows = ServiceProcess.start(Service.WORKFLOW_WORKER, env, Ports.free(), logs);
                    var gateway = ServiceProcess.start(Service.API_GATEWAY, env, Ports.free(), logs);
                    var peer = peer(infrastructure)) {
                worker.awaitHealthy();
                workflows.awaitHealthy();
                gateway.awaitHealthy();
                String peerUrl = "http://127.0.0.1:" + peer.getEnvironment().getProperty("local.server.port");
                new Benchmark(infrastructure, gateway.url(), peerUrl).run();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String interview = setUpAccess();
        setUpWorkflows();
        var rows = new ArrayList<String>();
        var report = new StringBuilder();
        var moveRows = new ArrayList<String>();
        var moveReport = new StringBuilder();
        try (var floor = new KafkaPingPong(infrastructure.kafkaBootstrapServers())) {
            for (int clients : CLIENTS) {
                var floorResult = Load.run(clients, WARM_UP, MEASURED, client -> floor.call());
                var onrampMove = Load.run(clients, WARM_UP, MEASURED, this::moveTask);
                var peerMove = Load.run(clients, WARM_UP, MEASURED, this::movePeerTask);
                moveRows.add(row("kafka ping-pong (floor)", floorResult));
                moveRows.add(row("onramp task move", onrampMove));
                moveRows.add(row("postgres peer", peerMove));
                moveReport.append(ratios(clients, onrampMove, floorResult, peerMove));
                var onramp = Load.run(clients, WARM_UP, MEASURED, client -> startAttempt(interview, client));
                var peerResult = Load.run(clients, WARM_UP, MEASURED, client -> startPeerAttempt(interview, client));
                rows.add(row("kafka ping-pong (floor)", floorResult));
                rows.add(row("onramp start attempt", onramp));
                rows.add(row("postgres peer", peerResult));
                report.append(ratios(clients, onramp, floorResult, peerResult));
            }
        }
        System.out.println("\nStart-attempt round trip (" + MEASURED.toSeconds() + " s per cell):");
        System.out.println(
                "  %-26s %7s %9s %9s %10s %7s".formatted("system", "clients", "p50 ms", "p99 ms", "per s", "errors"));
        rows.forEach(System.out::println);
        System.out.println("\nRatios:");
        System.out.print(report);
        System.out.println("\nTask move round trip (guest workflow, in_progress <-> more_information_needed):");
        System.out.println(
                "  %-26s %7s %9s %9s %10s %7s".formatted("system", "clients", "p50 ms", "p99 ms", "per s", "errors"));
        moveRows.forEach(System.out::println);
        System.out.println("\nRatios:");
        System.out.print(moveReport);
        bulkGrant();
        enrolmentIngestion();
    }

    private String setUpAccess() throws Exception {
        String admin =
                DevTokens.mint("u-admin", TENANT, List.of("interviews:manage", "access:grant"), Duration.ofHours(1));
        var created = post(gateway + "/api/v1/interviews", admin, "{\"title\":\"Bench\",\"duration_seconds\":3600}");
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("cannot create the interview: " + created.body());
        }
        String interview = id.group(1);
        try (Connection db = database()) {
            db.createStatement().execute(PeerApplication.SCHEMA);
            for (int client = 0; client < 64; client++) {
                var grant = post(
                        gateway + "/api/v1/access",
                        admin,
                        "{\"user_id\":\"u-" + client + "\",\"interview_ids\":[\"" + interview + "\"]}");
                if (grant.statusCode() != 200) {
                    throw new IllegalStateException("cannot grant: " + grant.body());
                }
                db.createStatement()
                        .execute("INSERT INTO bench_peer.access VALUES ('u-" + client + "', '" + interview + "')"
                                + " ON CONFLICT DO NOTHING");
            }
        }
        return interview;
    }

    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, String> guestTokens = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> askedForMore = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> peerAskedForMore = new ConcurrentHashMap<>();

    /** One guest per client, each with a task in progress that its client moves back and forth. */
    private void setUpWorkflows() throws Exception {
        String admin = DevTokens.mint("u-admin", TENANT, List.of("workflows:manage"), Duration.ofHours(1));
        var defined = put(gateway + "/api/v1/workflow-definitions/bench", admin, """
                {"groups":[{"key":"only","title":"Only","tasks":[{"key":"form","title":"Form"}]}]}""");
        if (defined.statusCode() != 201 && defined.statusCode() != 200) {
            throw new IllegalStateException("cannot define the workflow: " + defined.body());
        }
        try (Connection db = database()) {
            for (int client = 0; client < 64; client++) {
                String guest = "g-" + client;
                var enrolled =
                        post(gateway + "/api/v1/guests/" + guest + "/workflow", admin, "{\"definition_id\":\"bench\"}");
                var started = post(
                        gateway + "/api/v1/guests/" + guest + "/tasks/form/status",
                        guestToken(client),
                        "{\"status\":\"in_progress\"}");
                if (enrolled.statusCode() != 201 || started.statusCode() != 200) {
                    throw new IllegalStateException("cannot enrol " + guest + ": " + started.body());
                }
                db.createStatement()
                        .execute("INSERT INTO bench_peer.tasks VALUES ('" + guest + "', 'form', 'in_progress', NULL, 1)"
                                + " ON CONFLICT DO NOTHING");
            }
        }
    }

    /** The guest's own token, with the reviewer's permission too, so one client can move its task both ways. */
    private String guestToken(int client) {
        return guestTokens.computeIfAbsent(
                client,
                c -> DevTokens.mint(
                        "g-" + c, TENANT, List.of("workflows:update", "workflows:review"), Duration.ofHours(1)));
    }

    private boolean moveTask(int client) throws Exception {
        boolean asked = askedForMore.getOrDefault(client, false);
        boolean moved =
                post(gateway + "/api/v1/guests/g-" + client + "/tasks/form/status", guestToken(client), move(asked))
                                .statusCode()
                        == 200;
        if (moved) {
            askedForMore.put(client, !asked);
        }
        return moved;
    }

    private boolean movePeerTask(int client) throws Exception {
        boolean asked = peerAskedForMore.getOrDefault(client, false);
        var request = HttpRequest.newBuilder(URI.create(peer + "/peer/guests/g-" + client + "/tasks/form/status"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(move(asked)))
                .build();
        boolean moved = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        if (moved) {
            peerAskedForMore.put(client, !asked);
        }
        return moved;
    }

    /** Asks for more information, then resubmits: each move is legal from where the last successful one left. */
    private static String move(boolean askedForMore) {
        return askedForMore
                ? "{\"status\":\"in_progress\"}"
                : "{\"status\":\"more_information_needed\",\"note\":\"Please add a reference\"}";
    }

    private boolean startAttempt(String interview, int client) throws Exception {
        String token = tokens.computeIfAbsent(
                client, c -> DevTokens.mint("u-" + c, TENANT, List.of("interviews:create"), Duration.ofHours(1)));
        return post(gateway + "/api/v1/interviews/" + interview + "/attempts", token, "")
                        .statusCode()
                == 201;
    }

    private boolean startPeerAttempt(String interview, int client) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(peer + "/peer/interviews/" + interview + "/attempts"))
                .header("X-User", "u-" + client)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
    }

    private void bulkGrant() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var producer = producer(topics.interviewCommands)) {
            for (int i = 0; i < BULK_IDS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                producer.send(new ProducerRecord<>(topics.interviewCommands.name(), Keys.of(TENANT, id), create(id)));
            }
        }
        awaitCount("SELECT count(*) FROM access.interviews WHERE tenant_id = '" + TENANT + "'", BULK_IDS + 1);
        String admin = DevTokens.mint("u-admin", TENANT, List.of("access:grant"), Duration.ofHours(1));
        String body = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            var response = post(
                    gateway + "/api/v1/access",
                    admin,
                    "{\"user_id\":\"bulk-" + run + "\",\"interview_ids\":" + body + "}");
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (!response.body().contains("\"created_access_count\":" + BULK_IDS)) {
                throw new IllegalStateException("bulk grant failed: " + response.body());
            }
        }
        millis.sort(Long::compare);
        System.out.println("\nBulk grant of " + BULK_IDS + " interviews to one user (HTTP round trip, 3 runs): median "
                + millis.get(1) + " ms, all " + millis);
    }

    private void enrolmentIngestion() throws Exception {
        String interview;
        try (Connection db = database();
                var rs = db.createStatement()
                        .executeQuery("SELECT interview_id FROM access.interviews WHERE tenant_id = '" + TENANT
                                + "' LIMIT 1")) {
            rs.next();
            interview = rs.getString(1);
        }
        String run = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try (var producer = producer(topics.enrollments)) {
            for (int i = 0; i < ENROLMENTS; i++) {
                String user = "enrolled-" + i;
                var event = new EnrollmentEvent(run + "-" + i, TENANT, user, List.of(interview), null, Instant.now());
                producer.send(new ProducerRecord<>(topics.enrollments.name(), Keys.of(TENANT, user), event));
            }
        }
        awaitCount(
                "SELECT count(*) FROM access.command_outcomes WHERE request_id LIKE 'enrollment:" + run + "-%'",
                ENROLMENTS);
        double onramp = ENROLMENTS / ((System.nanoTime() - start) / 1e9);

        long peerStart = System.nanoTime();
        try (Connection db = database()) {
            var insert = db.prepareStatement("INSERT INTO bench_peer.access VALUES (?, ?) ON CONFLICT DO NOTHING");
            for (int i = 0; i < ENROLMENTS; i++) {
                insert.setString(1, "peer-" + run + "-" + i);
                insert.setString(2, interview);
                insert.executeUpdate();
            }
        }
        double peerRate = ENROLMENTS / ((System.nanoTime() - peerStart) / 1e9);
        System.out.println("\nEnrolment ingestion (" + ENROLMENTS + " events, published until all are decided and"
                + " projected): %.0f grants/s; the peer inserting one grant per transaction: %.0f grants/s; ratio %.2f"
                        .formatted(onramp, peerRate, onramp / peerRate));
    }

    private InterviewCommand create(String id) {
        return new InterviewCommand(
                new CommandMetadata(UUID.randomUUID().toString(), TENANT, "u-admin", Instant.now()),
                CreateInterview.newBuilder()
                        .setInterviewId(id)
                        .setTitle("Bulk " + id)
                        .setDurationSeconds(600)
                        .build());
    }

    private <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers(), "acks", "all", "linger.ms", 5),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    private void awaitCount(String sql, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        try (Connection db = database()) {
            while (Instant.now().isBefore(deadline)) {
                try (var rs = db.createStatement().executeQuery(sql)) {
                    rs.next();
                    if (rs.getInt(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("timed out waiting for " + expected + " from: " + sql);
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp");
    }

    private HttpResponse<String> put(String url, String token, String json) throws Exception {
        return send("PUT", url, token, json);
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return send("POST", url, token, json);
    }

    private HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String ratios(int clients, Load.Result onramp, Load.Result floor, Load.Result peer) {
        return "  %2d clients: onramp p50 = %.1f x floor, %.2f x peer; throughput = %.2f x floor, %.2f x peer%n"
                .formatted(
                        clients,
                        onramp.p50Millis() / floor.p50Millis(),
                        onramp.p50Millis() / peer.p50Millis(),
                        onramp.perSecond() / floor.perSecond(),
                        onramp.perSecond() / peer.perSecond());
    }

    private static String row(String system, Load.Result result) {
        return "  %-26s %7d %9.2f %9.2f %10.0f %7d"
                .formatted(
                        system,
                        result.clients(),
                        result.p50Millis(),
                        result.p99Millis(),
                        result.perSecond(),
                        result.errors());
    }

    private static ConfigurableApplicationContext peer(Infrastructure infrastructure) {
        return new SpringApplicationBuilder(PeerApplication.class)
                .properties(
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        "spring.datasource.url=" + infrastructure.jdbcUrl(),
                        "spring.datasource.username=onramp",
                        "spring.datasource.password=onramp",
                        "spring.datasource.hikari.maximum-pool-size=64")
                .run();
    }
}
