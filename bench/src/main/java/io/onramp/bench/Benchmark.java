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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Measures, on one machine and in one run (so that only ratios are compared), every command path through the gateway
 * (start attempt, grant, task move) at 1, 16 and 64 clients against the floor (a Kafka Streams exactly-once echo with
 * the workers' tuning, and beside it a bare at-least-once ping-pong) and the peer (the source documents' synchronous
 * PostgreSQL design behind the same HTTP stack, in a JVM with the services' flags); PostgreSQL runs with fsync on for
 * both. Each cell prints its latencies, throughput, errors and the cores each process used; each Onramp cell its
 * per-hop breakdown. Then a bulk grant of 10,000 interviews and enrolment ingestion, each against the peer.
 */
public final class Benchmark {

    private static final String TENANT = "bench";
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    /** Once per path before its first cell, at 16 clients: long enough for the JIT to settle on both sides. */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Long.getLong("bench.jit-seconds", 15));

    private static final int[] CLIENTS = {1, 16, 64};
    private static final int BULK_IDS = 10_000;
    private static final int ENROLMENTS = 20_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final List<String> HOPS = List.of("publish", "decide", "commit", "project", "reply");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Infrastructure infrastructure;
    private final String gateway;
    private final String accessWorker;
    private final String workflowWorker;
    private final String peer;
    private final CpuSampler cpu;
    private final Topics topics;
    private final StringBuilder report = new StringBuilder();
    private String interview;

    private Benchmark(
            Infrastructure infrastructure,
            ServiceProcess gateway,
            ServiceProcess accessWorker,
            ServiceProcess workflowWorker,
            String peer,
            CpuSampler cpu) {
        this.infrastructure = infrastructure;
        this.gateway = gateway.url();
        this.accessWorker = accessWorker.url();
        this.workflowWorker = workflowWorker.url();
        this.peer = peer;
        this.cpu = cpu;
        this.topics = new Topics(new ApicurioSerdes(infrastructure.registryUrl()));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(ServiceProcess.FULL_JIT_PROPERTY, "true");
        Path data = Path.of(System.getProperty("bench.dir", "bench/target/bench-data"));
        System.out.println("bench: starting the stack (data in " + data.toAbsolutePath() + ")");
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, 1, data, true))) {
            BenchPostgres.durable(infrastructure);
            var env = infrastructure.serviceEnvironment();
            Path logs = data.resolve("logs");
            try (var access = ServiceProcess.start(Service.ACCESS_WORKER, env, Ports.free(), logs);
                    var workflows = ServiceProcess.start(Service.WORKFLOW_WORKER, env, Ports.free(), logs);
                    var gateway = ServiceProcess.start(Service.API_GATEWAY, env, Ports.free(), logs);
                    var peer = ServiceProcess.startMain(
                            "bench-peer",
                            PeerApplication.class.getName(),
                            System.getProperty("java.class.path"),
                            peerEnvironment(infrastructure),
                            Ports.free(),
                            logs)) {
                access.awaitHealthy();
                workflows.awaitHealthy();
                gateway.awaitHealthy();
                peer.awaitHealthy();
                var processes = new LinkedHashMap<String, Long>();
                processes.put("bench+broker", ProcessHandle.current().pid());
                processes.put("registry", CpuSampler.process("apicurio-registry"));
                processes.put("postgres", CpuSampler.process("bin/postgres"));
                processes.put("access", access.pid());
                processes.put("workflow", workflows.pid());
                processes.put("gateway", gateway.pid());
                processes.put("peer", peer.pid());
                new Benchmark(infrastructure, gateway, access, workflows, peer.url(), new CpuSampler(processes)).run();
            }
        }
        System.exit(0);
    }

    private static Map<String, String> peerEnvironment(Infrastructure infrastructure) {
        return Map.of(
                "SPRING_DATASOURCE_URL", infrastructure.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "onramp",
                "SPRING_DATASOURCE_PASSWORD", "onramp",
                "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "64",
                "SPRING_MAIN_BANNERMODE", "off",
                "LOGGING_LEVEL_ROOT", "WARN");
    }

    private void run() throws Exception {
        interview = setUpAccess();
        setUpWorkflows();
        setUpSchedules();
        idle();
        var floors = new LinkedHashMap<Integer, Load.Result>();
        // Closed before the paths run, so that their idle polling is no part of any Onramp cell.
        try (var echo = new StreamsEcho(infrastructure.kafkaBootstrapServers());
                var pingPong = new KafkaPingPong(infrastructure.kafkaBootstrapServers())) {
            section("Floors");
            for (int clients : CLIENTS) {
                floors.put(clients, cell("kafka streams EOS echo", clients, client -> echo.call(), null));
                cell("kafka ping-pong (ALOS)", clients, client -> pingPong.call(), null);
            }
        }
        path("Start attempt", accessWorker, floors, this::startAttempt, this::startPeerAttempt);
        path("Grant (one interview to a new user)", accessWorker, floors, this::grant, this::grantPeer);
        path(
                "Task move (guest workflow, in_progress <-> more_information_needed)",
                workflowWorker,
                floors,
                this::moveTask,
                this::movePeerTask);
        path(
                "Schedule change (reschedule between two slots, If-Match; a tenant per client)",
                workflowWorker,
                floors,
                client -> reschedule(tenantOf(client), client),
                client -> reschedulePeer(tenantOf(client), client));
        oneTenant();
        reads("Read an interview by id", this::readInterview, this::readPeerInterview);
        reads("Guest dashboard (one guest's workflow, groups and tasks)", this::readDashboard, this::readPeerDashboard);
        bulkGrant();
        enrolmentIngestion();
        System.out.println(report);
    }

    /** What the stack costs doing nothing (polls, heartbeats, commits, samplers): the CPU every cell starts from. */
    private void idle() throws InterruptedException {
        var before = cpu.sample();
        long started = System.nanoTime();
        Thread.sleep(MEASURED.toMillis());
        double seconds = (System.nanoTime() - started) / 1e9;
        report.append("\nIdle, no client (%d s): cpu: %s%n"
                .formatted(MEASURED.toSeconds(), CpuSampler.coresBetween(before, cpu.sample(), seconds)));
    }

    /** One command path at every client count, beside the peer, with its ratios to the floor and the peer. */
    private void path(
            String name,
            String worker,
            Map<Integer, Load.Result> floors,
            Load.Operation onramp,
            Load.Operation peerCall)
            throws Exception {
        section(name);
        Load.run(16, JIT_WARM_UP, Duration.ZERO, onramp);
        Load.run(16, JIT_WARM_UP, Duration.ZERO, peerCall);
        var ratios = new StringBuilder();
        for (int clients : CLIENTS) {
            var ours = cell("onramp", clients, onramp, worker);
            var theirs = cell("postgres peer", clients, peerCall, null);
            var floor = floors.get(clients);
            ratios.append(("  %2d clients: p50 %.1f x floor, p99 %.1f x floor; throughput %.2f x floor, %.2f x peer;"
                            + " p50 %.2f x peer%n")
                    .formatted(
                            clients,
                            ours.p50Millis() / floor.p50Millis(),
                            ours.p99Millis() / floor.p99Millis(),
                            ours.perSecond() / floor.perSecond(),
                            ours.perSecond() / theirs.perSecond(),
                            ours.p50Millis() / theirs.p50Millis()));
        }
        report.append("  ratios (targets: p50/p99 <= 1.5 x floor; throughput >= 0.7 x floor at 16, >= 1.0 x peer"
                        + " at 64):%n".formatted())
                .append(ratios);
    }

    /**
     * Schedule commands are decided one at a time per tenant (double bookings are checked across the tenant's
     * schedules): 16 clients in one tenant show that bound, beside the same 16 clients in tenants of their own.
     */
    private void oneTenant() throws Exception {
        section("Schedule change, all 16 clients in one tenant");
        var ours = cell("onramp, one tenant", 16, client -> reschedule(ONE_TENANT, client), workflowWorker);
        var theirs = cell("postgres peer, one tenant", 16, client -> reschedulePeer(ONE_TENANT, client), null);
        report.append("  ratios: throughput %.2f x peer; p50 %.2f x peer%n"
                .formatted(ours.perSecond() / theirs.perSecond(), ours.p50Millis() / theirs.p50Millis()));
    }

    /** A read path at every client count beside the peer reading the same rows with the same token verification. */
    private void reads(String name, Load.Operation onramp, Load.Operation peerCall) throws Exception {
        section(name);
        Load.run(16, JIT_WARM_UP, Duration.ZERO, onramp);
        Load.run(16, JIT_WARM_UP, Duration.ZERO, peerCall);
        var ratios = new StringBuilder();
        for (int clients : CLIENTS) {
            var ours = cell("onramp", clients, onramp, null);
            var theirs = cell("postgres peer", clients, peerCall, null);
            ratios.append("  %2d clients: throughput %.2f x peer; p99 %.2f x peer; p50 %.2f x peer%n"
                    .formatted(
                            clients,
                            ours.perSecond() / theirs.perSecond(),
                            ours.p99Millis() / theirs.p99Millis(),
                            ours.p50Millis() / theirs.p50Millis()));
        }
        report.append("  ratios (targets at 16 and 64: throughput >= 1.0 x peer, p99 <= 1.5 x peer):%n".formatted())
                .append(ratios);
    }

    /** One cell; for an Onramp cell ({@code worker} given), its hops and the deciding worker's Streams thread too. */
    private Load.Result cell(String system, int clients, Load.Operation operation, String worker) throws Exception {
        boolean hops = worker != null;
        Load.run(clients, WARM_UP, Duration.ZERO, operation);
        Map<String, double[]> hopsBefore = hops ? hops() : Map.of();
        var cpuBefore = cpu.sample();
        var result = Load.run(clients, Duration.ZERO, MEASURED, operation);
        var cpuAfter = cpu.sample();
        report.append("  %-24s %7d %9.2f %9.2f %10.0f %7d   cpu: %s%n"
                .formatted(
                        system,
                        clients,
                        result.p50Millis(),
                        result.p99Millis(),
                        result.perSecond(),
                        result.errors(),
                        CpuSampler.coresBetween(cpuBefore, cpuAfter, result.seconds())));
        if (hops) {
            report.append("  %-24s %s%n".formatted("", hopLine(hopsBefore, hops(), result.meanMillis())));
            report.append("  %-24s %s%n".formatted("", streamsLine(worker)));
        }
        return result;
    }

    private void section(String name) {
        report.append("\n")
                .append(name)
                .append(" (")
                .append(MEASURED.toSeconds())
                .append(" s per cell):\n")
                .append("  %-24s %7s %9s %9s %10s %7s%n"
                        .formatted("system", "clients", "p50 ms", "p99 ms", "per s", "errors"));
    }

    /** The gateway's per-hop timers: sum (s) and count for each hop. */
    private Map<String, double[]> hops() throws Exception {
        String scrape = scrape(gateway);
        var hops = new LinkedHashMap<String, double[]>();
        for (String hop : HOPS) {
            hops.put(hop, new double[] {metric(scrape, "sum", hop), metric(scrape, "count", hop)});
        }
        return hops;
    }

    private String scrape(String service) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The deciding worker's Streams thread over the last 30 s (Kafka's metric window), as Kafka reports it. */
    private String streamsLine(String worker) throws Exception {
        String scrape = scrape(worker);
        return "worker streams thread: commit %.1f ms avg (max %.0f), %.0f commits/s, poll %.1f ms avg, %.1f records per poll"
                .formatted(
                        gauge(scrape, "kafka_stream_thread_commit_latency_avg"),
                        gauge(scrape, "kafka_stream_thread_commit_latency_max"),
                        gauge(scrape, "kafka_stream_thread_commit_rate"),
                        gauge(scrape, "kafka_stream_thread_poll_latency_avg"),
                        gauge(scrape, "kafka_stream_thread_poll_records_avg"));
    }

    /** The mean over the Streams threads of one thread-level gauge. */
    private static double gauge(String scrape, String name) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(value -> !Double.isNaN(value))
                .average()
                .orElse(Double.NaN);
    }

    private static double metric(String scrape, String kind, String hop) {
        return scrape.lines()
                .filter(line -> line.startsWith("onramp_command_hop_seconds_" + kind + "{")
                        && line.contains("hop=\"" + hop + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String hopLine(Map<String, double[]> before, Map<String, double[]> after, double meanMillis) {
        var line = new StringBuilder("hops, mean ms:");
        double accounted = 0;
        for (String hop : HOPS) {
            double count = after.get(hop)[1] - before.get(hop)[1];
            double millis = count == 0 ? Double.NaN : (after.get(hop)[0] - before.get(hop)[0]) / count * 1000;
            accounted += Double.isNaN(millis) ? 0 : millis;
            line.append(" %s %.1f,".formatted(hop, millis));
        }
        return line.append(" rest (HTTP, token, read, JSON) %.1f of %.1f".formatted(meanMillis - accounted, meanMillis))
                .toString();
    }

    private String setUpAccess() throws Exception {
        String admin =
                DevTokens.mint("u-admin", TENANT, List.of("interviews:manage", "access:grant"), Duration.ofHours(1));
        String id = created(gateway + "/api/v1/interviews", admin, "{\"title\":\"Bench\",\"duration_seconds\":3600}");
        try (Connection db = database()) {
            db.createStatement().execute(PeerApplication.SCHEMA);
            db.createStatement()
                    .execute("INSERT INTO bench_peer.interviews VALUES ('" + id + "') ON CONFLICT DO NOTHING");
            for (int client = 0; client < 64; client++) {
                var grant = post(
                        gateway + "/api/v1/access",
                        admin,
                        "{\"user_id\":\"u-" + client + "\",\"interview_ids\":[\"" + id + "\"]}");
                if (grant.statusCode() != 200) {
                    throw new IllegalStateException("cannot grant: " + grant.body());
                }
                db.createStatement()
                        .execute("INSERT INTO bench_peer.access VALUES ('u-" + client + "', '" + id + "')"
                                + " ON CONFLICT DO NOTHING");
            }
        }
        return id;
    }

    /**
     * Creates a resource and returns its id. A service may report healthy a little before its first command gets an
     * answer in time (its Streams app still settling): a 202 is retried, for up to a minute, rather than failing.
     */
    private String created(String url, String token, String json) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            var response = post(url, token, json);
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                return id.group(1);
            }
            if (response.statusCode() != 202 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("cannot create at " + url + ": " + response.body());
            }
            Thread.sleep(1_000);
        }
    }

    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, String> guestTokens = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> askedForMore = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> peerAskedForMore = new ConcurrentHashMap<>();
    private final AtomicLong grants = new AtomicLong();
    private final String granter = DevTokens.mint("u-admin", TENANT, List.of("access:grant"), Duration.ofHours(1));

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

    /**
     * The guest's own token, with the reviewer's permission too, so one client can move its task both ways, and
     * reading the dashboard.
     */
    private String guestToken(int client) {
        return guestTokens.computeIfAbsent(
                client,
                c -> DevTokens.mint(
                        "g-" + c,
                        TENANT,
                        List.of("workflows:update", "workflows:review", "workflows:read"),
                        Duration.ofHours(1)));
    }

    private final String reader = DevTokens.mint("u-reader", TENANT, List.of("interviews:read"), Duration.ofHours(1));

    private boolean readInterview(int client) throws Exception {
        return get(gateway + "/api/v1/interviews/" + interview, reader).statusCode() == 200;
    }

    private boolean readPeerInterview(int client) throws Exception {
        return get(peer + "/peer/interviews/" + interview, reader).statusCode() == 200;
    }

    private boolean readDashboard(int client) throws Exception {
        return get(gateway + "/api/v1/guests/g-" + client + "/dashboard", guestToken(client))
                        .statusCode()
                == 200;
    }

    private boolean readPeerDashboard(int client) throws Exception {
        return get(peer + "/peer/guests/g-" + client + "/dashboard", guestToken(client))
                        .statusCode()
                == 200;
    }

    private static final String ONE_TENANT = "bench-schedules";
    private static final String[][] SLOTS = {
        {"2031-01-01T10:00:00Z", "2031-01-01T11:00:00Z"}, {"2031-01-02T10:00:00Z", "2031-01-02T11:00:00Z"}
    };
    /** By {@code tenant/client}: the schedule's id (the same on both sides), and the version each side last saw. */
    private final Map<String, String> schedules = new ConcurrentHashMap<>();

    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> peerVersions = new ConcurrentHashMap<>();
    private final Map<String, String> scheduleTokens = new ConcurrentHashMap<>();

    private static String tenantOf(int client) {
        return "bench-schedules-" + client;
    }

    private String scheduleToken(String tenant) {
        return scheduleTokens.computeIfAbsent(
                tenant,
                t -> DevTokens.mint(
                        "u-recruiter",
                        t,
                        List.of("schedules:create", "schedules:update", "schedules:read_all"),
                        Duration.ofHours(1)));
    }

    /** A schedule per client in a tenant of its own, and 16 in one tenant; each with its own interviewer. */
    private void setUpSchedules() throws Exception {
        try (Connection db = database()) {
            var insert = db.prepareStatement(
                    "INSERT INTO bench_peer.schedules VALUES (?, ?, ?, ?::timestamptz, ?::timestamptz, 1)"
                            + " ON CONFLICT DO NOTHING");
            for (int client = 0; client < 64 + 16; client++) {
                String tenant = client < 64 ? tenantOf(client) : ONE_TENANT;
                int owner = client < 64 ? client : client - 64;
                String interviewer = "i-" + owner;
                String id = created(gateway + "/api/v1/schedules", scheduleToken(tenant), """
                        {"interview_type":"technical","title":"Bench","scheduled_start":"%s","scheduled_end":"%s",
                         "timezone":"UTC","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                         "candidate":{"id":"c-%d","name":"Casey","email":"c-%d@example.com","timezone":"UTC"},
                         "interviewer_ids":["%s"]}""".formatted(
                                SLOTS[0][0], SLOTS[0][1], owner, owner, interviewer));
                String key = tenant + "/" + owner;
                schedules.put(key, id);
                versions.put(key, 1L);
                peerVersions.put(key, 1L);
                insert.setString(1, tenant);
                insert.setString(2, id);
                insert.setString(3, interviewer);
                insert.setString(4, SLOTS[0][0]);
                insert.setString(5, SLOTS[0][1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Moves the client's schedule to the slot it is not in, naming the version it last saw. */
    private boolean reschedule(String tenant, int client) throws Exception {
        String key = tenant + "/" + client;
        String url = gateway + "/api/v1/schedules/" + schedules.get(key);
        var authorization = "Bearer " + scheduleToken(tenant);
        if (moved(
                versions,
                key,
                send(
                        "POST",
                        url + "/reschedule",
                        Map.of("Authorization", authorization, "If-Match", ifMatch(versions, key)),
                        slot(versions, key)))) {
            return true;
        }
        // Not answered in time (a 202 is applied later) or refused: learn the version and go on from there.
        moved(versions, key, send("GET", url, Map.of("Authorization", authorization), ""));
        return false;
    }

    private boolean reschedulePeer(String tenant, int client) throws Exception {
        String key = tenant + "/" + client;
        return moved(
                peerVersions,
                key,
                send(
                        "POST",
                        peer + "/peer/schedules/" + tenant + "/" + schedules.get(key) + "/reschedule",
                        Map.of("If-Match", ifMatch(peerVersions, key)),
                        slot(peerVersions, key)));
    }

    private static String ifMatch(Map<String, Long> versions, String key) {
        return "\"" + versions.get(key) + "\"";
    }

    /** Odd versions sit in the first slot, even ones in the second: each move goes to the other. */
    private static String slot(Map<String, Long> versions, String key) {
        String[] slot = SLOTS[(int) (versions.get(key) % 2)];
        return "{\"scheduled_start\":\"" + slot[0] + "\",\"scheduled_end\":\"" + slot[1] + "\"}";
    }

    private static boolean moved(Map<String, Long> versions, String key, HttpResponse<String> response) {
        var etag = response.headers().firstValue("ETag");
        if (response.statusCode() != 200 || etag.isEmpty()) {
            return false;
        }
        versions.put(key, Long.parseLong(etag.get().replace("\"", "").replace("W/", "")));
        return true;
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
        boolean moved = peerPost("/peer/guests/g-" + client + "/tasks/form/status", Map.of(), move(asked))
                        .statusCode()
                == 200;
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

    private boolean startAttempt(int client) throws Exception {
        String token = tokens.computeIfAbsent(
                client, c -> DevTokens.mint("u-" + c, TENANT, List.of("interviews:create"), Duration.ofHours(1)));
        return post(gateway + "/api/v1/interviews/" + interview + "/attempts", token, "")
                        .statusCode()
                == 201;
    }

    private boolean startPeerAttempt(int client) throws Exception {
        return peerPost("/peer/interviews/" + interview + "/attempts", Map.of("X-User", "u-" + client), "")
                        .statusCode()
                == 201;
    }

    private static String grantBody(String user, String interviews) {
        return "{\"user_id\":\"" + user + "\",\"interview_ids\":" + interviews + "}";
    }

    private boolean grant(int client) throws Exception {
        String user = "grantee-" + client + "-" + grants.incrementAndGet();
        var response = post(gateway + "/api/v1/access", granter, grantBody(user, "[\"" + interview + "\"]"));
        return response.statusCode() == 200 && response.body().contains("\"created_access_count\":1");
    }

    private boolean grantPeer(int client) throws Exception {
        String user = "grantee-" + client + "-" + grants.incrementAndGet();
        var response = peerPost("/peer/access", Map.of(), grantBody(user, "[\"" + interview + "\"]"));
        return response.statusCode() == 200 && response.body().contains("\"created_access_count\":1");
    }

    private void bulkGrant() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var producer = producer(topics.interviewCommands);
                Connection db = database()) {
            var peerInterview = db.prepareStatement("INSERT INTO bench_peer.interviews VALUES (?)");
            for (int i = 0; i < BULK_IDS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                producer.send(new ProducerRecord<>(topics.interviewCommands.name(), Keys.of(TENANT, id), create(id)));
                peerInterview.setString(1, id);
                peerInterview.addBatch();
            }
            peerInterview.executeBatch();
        }
        awaitCount("SELECT count(*) FROM access.interviews WHERE tenant_id = '" + TENANT + "'", BULK_IDS + 1);
        String body = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            var response = post(gateway + "/api/v1/access", granter, grantBody("bulk-" + run, body));
            ours.add((System.nanoTime() - start) / 1_000_000);
            if (!response.body().contains("\"created_access_count\":" + BULK_IDS)) {
                throw new IllegalStateException("bulk grant failed: " + response.body());
            }
            start = System.nanoTime();
            var peerResponse = peerPost("/peer/access", Map.of(), grantBody("bulk-" + run, body));
            theirs.add((System.nanoTime() - start) / 1_000_000);
            if (!peerResponse.body().contains("\"created_access_count\":" + BULK_IDS)) {
                throw new IllegalStateException("the peer's bulk grant failed: " + peerResponse.body());
            }
        }
        ours.sort(Long::compare);
        theirs.sort(Long::compare);
        report.append("\nBulk grant of %d interviews to one user (HTTP round trip, median of 3): onramp %d ms %s,"
                        .formatted(BULK_IDS, ours.get(1), ours))
                .append(" peer %d ms %s; ratio %.2f (target <= 1.0)%n"
                        .formatted(theirs.get(1), theirs, ours.get(1) / (double) theirs.get(1)));
    }

    private void enrolmentIngestion() throws Exception {
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
        report.append(("\nEnrolment ingestion (%d events, published until all are decided and projected): %.0f"
                        + " grants/s; the peer inserting one grant per transaction: %.0f grants/s; ratio %.2f"
                        + " (target >= 1.0)%n")
                .formatted(ENROLMENTS, onramp, peerRate, onramp / peerRate));
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

    private HttpResponse<String> get(String url, String token) throws Exception {
        return send("GET", url, Map.of("Authorization", "Bearer " + token), "");
    }

    private HttpResponse<String> put(String url, String token, String json) throws Exception {
        return send("PUT", url, Map.of("Authorization", "Bearer " + token), json);
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return send("POST", url, Map.of("Authorization", "Bearer " + token), json);
    }

    private HttpResponse<String> peerPost(String path, Map<String, String> headers, String json) throws Exception {
        return send("POST", peer + path, headers, json);
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
