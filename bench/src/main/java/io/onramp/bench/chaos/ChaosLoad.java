package io.onramp.bench.chaos;

import io.onramp.devstack.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The steady mixed load of a chaos run, through one gateway: clients that grant, start attempts and schedule
 * interviews (whose 1-day reminder fires at once and which mail the candidate), round and round, each call counted
 * on the scenario running at the time and each acknowledged command kept, to be looked for afterwards.
 */
final class ChaosLoad {

    /** One scenario's row: what the load saw while it ran. */
    static final class Scenario {
        final String name;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger otherErrors = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> latenciesMillis = new ConcurrentLinkedQueue<>();
        final List<Duration> recoveries = new ArrayList<>();
        Instant started;
        Instant ended;

        Scenario(String name) {
            this.name = name;
        }

        double seconds() {
            return Duration.between(started, ended).toMillis() / 1000.0;
        }

        /** The latency at quantile {@code q} (0..1) of every call in this scenario, in ms. */
        long latency(double q) {
            List<Long> sorted = latenciesMillis.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
        }
    }

    /**
     * A command answered 200/201, or 202 (accepted, decided later). An interview accepted with 202 is known by its
     * request id until {@link #resolve} learns its id.
     */
    static final class Acknowledged {
        final String scenario;
        final String kind;
        final String requestId;
        final Instant at;
        volatile String id;

        Acknowledged(String scenario, String kind, String id, String requestId, Instant at) {
            this.scenario = scenario;
            this.kind = kind;
            this.id = id;
            this.requestId = requestId;
            this.at = at;
        }
    }

    private static final Pattern REQUEST_ID = Pattern.compile("\"request_?[iI]d\"\\s*:\\s*\"([^\"]+)\"");

    final String tenant = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
    final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final String admin;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<Scenario> current = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private volatile String gateway;
    private String interview;

    ChaosLoad() {
        this.admin = DevTokens.mint(
                "u-admin",
                tenant,
                List.of("interviews:manage", "access:grant", "access:read", "schedules:create", "schedules:read_all"),
                Duration.ofHours(2));
    }

    /** Creates the interview every client uses, through {@code gateway}, and waits until grants to it are served. */
    void setUp(String gateway) throws Exception {
        this.gateway = gateway;
        var created = send("POST", "/api/v1/interviews", admin, """
                {"title":"Chaos","duration_seconds":3600,
                 "config":{"is_default_access_allowed":true,"should_end_interview_after_duration":false}}""");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the interview: " + created.body());
        }
        interview = field(created.body(), "id");
        for (int i = 0; i < 60 && grant("u-probe").statusCode() != 200; i++) {
            Thread.sleep(500); // the catalogue's first look-ups after start-up
        }
    }

    /** Sends the load through {@code gateway} from now on. */
    void through(String gateway) {
        this.gateway = gateway;
    }

    void start(int count) {
        for (int c = 0; c < count; c++) {
            int client = c;
            var thread = new Thread(() -> drive(client), "chaos-client-" + client);
            thread.start();
            clients.add(thread);
        }
    }

    /** Counts the calls from now on on {@code scenario}, until {@link #end}. */
    Scenario begin(String name) {
        var scenario = new Scenario(name);
        scenario.started = Instant.now();
        current.set(scenario);
        return scenario;
    }

    /** Stops counting on {@code scenario}; the clients idle until the next {@link #begin}. */
    void end(Scenario scenario) {
        scenario.ended = Instant.now();
        current.compareAndSet(scenario, null);
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        clients.clear();
    }

    List<Acknowledged> of(String scenario) {
        return acknowledged.stream().filter(a -> a.scenario.equals(scenario)).toList();
    }

    /** Learns the ids of interviews accepted with 202, from their requests' outcomes, where they are known by now. */
    void resolve() {
        for (Acknowledged ack : acknowledged) {
            if (ack.id != null) {
                continue;
            }
            try {
                var status = send("GET", "/api/v1/requests/" + ack.requestId, admin, "");
                var location = Pattern.compile("\"location\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"")
                        .matcher(status.body());
                if (location.find()) {
                    ack.id = location.group(1);
                }
            } catch (Exception e) {
                // still unknown: counted as missing
            }
        }
    }

    private void drive(int client) {
        for (int n = 0; !stop.get(); n++) {
            Scenario scenario = current.get();
            if (scenario == null) {
                sleep(10);
                continue;
            }
            String id = "c" + client + "-" + n;
            String kind = kind(n);
            long started = System.nanoTime();
            try {
                HttpResponse<String> response =
                        switch (kind) {
                            case "grant" -> grant("u-" + id);
                            case "attempt" ->
                                send(
                                        "POST",
                                        "/api/v1/interviews/" + interview + "/attempts",
                                        DevTokens.mint(
                                                "u-" + id, tenant, List.of("interviews:create"), Duration.ofHours(2)),
                                        "");
                            default -> schedule(id);
                        };
                scenario.latenciesMillis.add((System.nanoTime() - started) / 1_000_000);
                scenario.calls.incrementAndGet();
                record(scenario, kind, id, response);
            } catch (Exception e) {
                scenario.latenciesMillis.add((System.nanoTime() - started) / 1_000_000);
                scenario.calls.incrementAndGet();
                scenario.otherErrors.incrementAndGet();
            }
        }
    }

    private void record(Scenario scenario, String kind, String id, HttpResponse<String> response) {
        int status = response.statusCode();
        Instant now = Instant.now();
        if (status == 200 || status == 201) {
            String acknowledgedId = kind.equals("schedule") ? field(response.body(), "id") : id;
            acknowledged.add(new Acknowledged(scenario.name, kind, acknowledgedId, null, now));
        } else if (status == 202) {
            scenario.accepted.incrementAndGet();
            var requestId = REQUEST_ID.matcher(response.body());
            String request = requestId.find() ? requestId.group(1) : null;
            acknowledged.add(new Acknowledged(scenario.name, kind, kind.equals("schedule") ? null : id, request, now));
        } else if (status == 503) {
            scenario.unavailable.incrementAndGet();
        } else if (status >= 500) {
            scenario.serverErrors.incrementAndGet();
        } else {
            scenario.otherErrors.incrementAndGet();
        }
    }

    private static String kind(int n) {
        return switch (n % 3) {
            case 0 -> "grant";
            case 1 -> "attempt";
            default -> "schedule";
        };
    }

    private HttpResponse<String> grant(String user) throws Exception {
        return send(
                "POST",
                "/api/v1/access",
                admin,
                "{\"user_id\":\"%s\",\"interview_ids\":[\"%s\"]}".formatted(user, interview));
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

    private static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
