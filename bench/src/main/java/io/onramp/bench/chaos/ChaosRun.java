package io.onramp.bench.chaos;

import io.onramp.bench.BenchPostgres;
import io.onramp.bench.chaos.ChaosLoad.Acknowledged;
import io.onramp.bench.chaos.ChaosLoad.Scenario;
import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./onramp chaos}: faults injected under a steady mixed load through the gateway ({@link ChaosLoad}), then,
 * once the load has stopped and the stack has settled, every acknowledged command looked for (lost) and every effect
 * counted (duplicated) ({@link Effects}). Three families, each a table:
 *
 * <ul>
 *   <li>{@code workers}: each worker killed with SIGKILL several times and restarted;
 *   <li>{@code postgres}, {@code registry}: PostgreSQL, then the schema registry, stopped for 30 s and started again;
 *   <li>{@code brokers}: on a cluster of three Kafka nodes (a process each, replication 3, {@code min.insync.replicas}
 *       2), a node killed and later restarted, then the active controller.
 * </ul>
 *
 * The first two families share a stack of one broker; the last has a stack of its own. {@code -Dchaos.scenarios}
 * picks families (comma-separated).
 */
public final class ChaosRun {

    private static final int CLIENTS = Integer.getInteger("chaos.clients", 4);
    private static final int KILLS = Integer.getInteger("chaos.kills", 3);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("chaos.steady-seconds", 4));
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("chaos.outage-seconds", 30));
    private static final Duration NODE_DOWN = Duration.ofSeconds(Long.getLong("chaos.node-down-seconds", 20));
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Set<String> CHOSEN =
            Set.of(System.getProperty("chaos.scenarios", "workers,postgres,registry,brokers")
                    .split(","));
    private static final List<Service> WORKERS = List.of(
            Service.ACCESS_WORKER, Service.WORKFLOW_WORKER, Service.REMINDER_WORKER, Service.NOTIFICATION_WORKER);

    private static final String LEGEND = """

              acked: commands answered 200/201, or 202 (accepted, decided later; in brackets); lost: acknowledged
              commands whose effect (grant row, attempt row, interview row, its 3 reminders, its candidate's sent
              invitation) is missing after settling; 503: answered "unavailable" in the error envelope; other:
              4xx and transport errors; p50/p99/max: client-side latency of every call in the scenario; unknown:
              invitations whose sending a kill cut off, marked unknown for an operator to resend. Recovery columns:
              restart = kill to the restarted worker healthy; caught up = dependency back to every command
              acknowledged until then having its effects; in sync = node restarted to every replica in sync.
            """;

    private final Infrastructure infrastructure;
    private final Path logs;
    private final Map<String, String> environment;
    private final Map<Service, ServiceProcess> running = new LinkedHashMap<>();
    private final List<ServiceProcess> gateways = new ArrayList<>();
    private final ChaosLoad load = new ChaosLoad();
    private final Effects effects;
    private final StringBuilder report = new StringBuilder();

    private ChaosRun(Infrastructure infrastructure, Path logs) {
        this.infrastructure = infrastructure;
        this.logs = logs;
        this.environment = new HashMap<>(infrastructure.serviceEnvironment());
        // A mail the killed worker was sending turns unknown (never resent by itself) once its lease is over: short
        // here, so that it does within the run.
        this.environment.put("NOTIFICATION_LEASE", "20s");
        this.effects = new Effects(infrastructure, load.tenant);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("chaos.dir", "bench/target/chaos-data"));
        var out = new StringBuilder();
        if (CHOSEN.contains("workers") || CHOSEN.contains("postgres") || CHOSEN.contains("registry")) {
            out.append(onStack(data.resolve("one-broker"), 1, ChaosRun::workersAndDependencies));
        }
        if (CHOSEN.contains("brokers")) {
            out.append(onStack(data.resolve("three-brokers"), 3, ChaosRun::brokers));
        }
        System.out.println(out + LEGEND);
        System.exit(0);
    }

    @FunctionalInterface
    private interface Family {
        void run(ChaosRun run) throws Exception;
    }

    private static String onStack(Path data, int brokers, Family family) throws Exception {
        System.out.printf("chaos: starting a stack of %d Kafka node(s) (data in %s)%n", brokers, data.toAbsolutePath());
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, brokers, data, true))) {
            BenchPostgres.durable(infrastructure);
            var run = new ChaosRun(infrastructure, data.resolve("logs"));
            try {
                family.run(run);
            } finally {
                run.stopServices();
            }
            System.out.println(run.report);
            return run.report.toString();
        }
    }

    private String startServices(Map<String, String> gatewayEnvironment) {
        for (Service worker : WORKERS) {
            running.put(worker, ServiceProcess.start(worker, environment, Ports.free(), logs));
        }
        var gateway = startGateway(gatewayEnvironment);
        running.values().forEach(ServiceProcess::awaitHealthy);
        return gateway;
    }

    private String startGateway(Map<String, String> gatewayEnvironment) {
        var gateway = ServiceProcess.start(Service.API_GATEWAY, gatewayEnvironment, Ports.free(), logs);
        gateways.add(gateway);
        return gateway.awaitHealthy().url();
    }

    private void stopServices() {
        gateways.forEach(ServiceProcess::close);
        running.values().forEach(ServiceProcess::close);
    }

    private void workersAndDependencies() throws Exception {
        // Clients wait through a worker's restart instead of being told 202 (pending) after 5 s.
        var waiting = new HashMap<>(environment);
        waiting.put("REPLY_TIMEOUT", "90s");
        load.setUp(startServices(waiting));
        load.start(CLIENTS);
        List<Scenario> kills = new ArrayList<>();
        if (CHOSEN.contains("workers")) {
            for (Service worker : WORKERS) {
                kills.add(killRepeatedly(worker));
            }
        }
        List<Scenario> outages = new ArrayList<>();
        if (CHOSEN.contains("postgres") || CHOSEN.contains("registry")) {
            // The gateway as deployed: a command not answered within 5 s is a 202, and counted as acknowledged.
            load.through(startGateway(environment));
            warmUp();
            if (CHOSEN.contains("postgres")) {
                outages.add(outage(Infrastructure.Part.POSTGRES, "PostgreSQL"));
            }
            if (CHOSEN.contains("registry")) {
                outages.add(outage(Infrastructure.Part.REGISTRY, "schema registry"));
            }
        }
        load.stop();
        System.out.println("chaos: load stopped; waiting for the stack to settle and counting");
        settle();
        if (!kills.isEmpty()) {
            table(
                    "Workers killed with SIGKILL under load (%d clients, gateway waiting up to 90 s; %d kills each)"
                            .formatted(CLIENTS, KILLS),
                    kills,
                    "restart p50/max s");
        }
        if (!outages.isEmpty()) {
            table(
                    "Dependencies stopped for %d s under load (%d clients, gateway reply timeout 5 s)"
                            .formatted(OUTAGE.toSeconds(), CLIENTS),
                    outages,
                    "caught up s");
        }
        duplicates();
    }

    private Scenario killRepeatedly(Service worker) throws Exception {
        var scenario = load.begin(worker.module() + " killed");
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
        load.end(scenario);
        return scenario;
    }

    /**
     * Stops {@code part} for {@link #OUTAGE}, starts it again, and measures how long until every command acknowledged
     * up to then has its effects (the read models caught up).
     */
    private Scenario outage(Infrastructure.Part part, String name) throws Exception {
        var scenario = load.begin(name + " stopped");
        System.out.printf("chaos: %s stopped for %d s%n", name, OUTAGE.toSeconds());
        Thread.sleep(STEADY.toMillis());
        infrastructure.down(part);
        Thread.sleep(OUTAGE.toMillis());
        infrastructure.up(part);
        Instant back = Instant.now();
        scenario.recoveries.add(caughtUp(a -> a.scenario.equals(scenario.name) && !a.at.isAfter(back), back));
        Thread.sleep(STEADY.toMillis());
        load.end(scenario);
        return scenario;
    }

    /** Load not reported, through a gateway just started: its first calls are slow (JIT, first look-ups). */
    private void warmUp() throws InterruptedException {
        var warmUp = load.begin("warm-up");
        Thread.sleep(NODE_DOWN.toMillis());
        load.end(warmUp);
    }

    private void brokers() throws Exception {
        load.setUp(startServices(environment));
        load.start(CLIENTS);
        List<Scenario> scenarios = new ArrayList<>();
        warmUp();
        var steady = load.begin("no fault (baseline)");
        Thread.sleep(NODE_DOWN.toMillis());
        load.end(steady);
        scenarios.add(steady);
        int controller = infrastructure.kafkaActiveController();
        scenarios.add(nodeDown(controller % 3 + 1, "a broker (node %d) killed"));
        scenarios.add(nodeDown(infrastructure.kafkaActiveController(), "the active controller (node %d) killed"));
        load.stop();
        System.out.println("chaos: load stopped; waiting for the stack to settle and counting");
        settle();
        table(
                "Kafka nodes killed with SIGKILL under load (3 nodes, replication 3, min.insync.replicas 2; %d clients,"
                                .formatted(CLIENTS)
                        + " gateway reply timeout 5 s; each node down %d s)".formatted(NODE_DOWN.toSeconds()),
                scenarios,
                "in sync s");
        duplicates();
    }

    /** Kills node {@code id}, restarts it after {@link #NODE_DOWN}, and measures until every replica is in sync. */
    private Scenario nodeDown(int id, String name) throws Exception {
        var scenario = load.begin(name.formatted(id));
        System.out.println("chaos: " + scenario.name);
        Thread.sleep(STEADY.toMillis());
        infrastructure.killKafkaNode(id);
        Thread.sleep(NODE_DOWN.toMillis());
        infrastructure.restartKafkaNode(id);
        Instant restarted = Instant.now();
        awaitReplicasInSync();
        scenario.recoveries.add(Duration.between(restarted, Instant.now()));
        Thread.sleep(STEADY.toMillis());
        load.end(scenario);
        return scenario;
    }

    private void awaitReplicasInSync() throws InterruptedException, ExecutionException {
        try (var admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            Instant deadline = Instant.now().plus(SETTLE);
            while (Instant.now().isBefore(deadline)) {
                var topics = admin.listTopics().names().get();
                boolean inSync = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(p -> p.isr().size() == p.replicas().size());
                if (inSync) {
                    return;
                }
                Thread.sleep(500);
            }
        }
    }

    /** How long from {@code since} until every command {@code which} picks has its effects (or settling is over). */
    private Duration caughtUp(Predicate<Acknowledged> which, Instant since) throws Exception {
        Instant deadline = since.plus(SETTLE);
        do {
            load.resolve();
            var acked = load.acknowledged.stream().filter(which).toList();
            if (effects.missing(acked).lost() == 0) {
                break;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return Duration.between(since, Instant.now());
    }

    /** Waits until every acknowledged command has its effects, or settling is over. */
    private void settle() throws Exception {
        caughtUp(a -> true, Instant.now());
    }

    private void table(String title, List<Scenario> scenarios, String recovery) throws Exception {
        report.append("\n").append(title).append("\n");
        report.append("  %-40s %7s %7s %6s %6s %5s %5s %6s %7s %7s %7s %8s %18s%n"
                .formatted(
                        "scenario",
                        "calls/s",
                        "acked",
                        "(202)",
                        "lost",
                        "5xx",
                        "503",
                        "other",
                        "p50 ms",
                        "p99 ms",
                        "max ms",
                        "unknown",
                        recovery));
        for (Scenario s : scenarios) {
            var acked = load.of(s.name);
            var missing = effects.missing(acked);
            var recoveries =
                    s.recoveries.stream().map(Duration::toMillis).sorted().toList();
            String recovered = recoveries.isEmpty()
                    ? "-"
                    : recoveries.size() == 1
                            ? "%.1f".formatted(recoveries.get(0) / 1000.0)
                            : "%.1f / %.1f"
                                    .formatted(
                                            recoveries.get(recoveries.size() / 2) / 1000.0,
                                            recoveries.get(recoveries.size() - 1) / 1000.0);
            report.append("  %-40s %7.1f %7d %6d %6d %5d %5d %6d %7d %7d %7d %8d %18s%n"
                    .formatted(
                            s.name,
                            s.calls.get() / s.seconds(),
                            acked.size(),
                            s.accepted.get(),
                            missing.lost(),
                            s.serverErrors.get(),
                            s.unavailable.get(),
                            s.otherErrors.get(),
                            s.latency(0.50),
                            s.latency(0.99),
                            s.latency(1.0),
                            missing.unknown(),
                            recovered));
        }
    }

    private void duplicates() throws Exception {
        var duplicated = effects.duplicated();
        report.append(
                "  duplicated over this stack: %d read-model rows (attempts per user, interviews per candidate beyond one),"
                                .formatted(duplicated.rows())
                        + " %d reminder firings, %d mails (per Message-ID)%n"
                                .formatted(duplicated.firings(), duplicated.mails()));
    }
}
