package io.onramp.bench.timers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.onramp.bench.BenchPostgres;
import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The timer benchmark ({@code ./onramp bench timers}): a million timers armed in one worker instance's timer store on
 * the real broker, due over a few minutes (arming rate, firing delay, duplicates, missing, store size, heap); a
 * backlog of 100,000 timers falling due while the worker is stopped, then while it is killed; and, in the same run,
 * db-scheduler on the same PostgreSQL (fsync on) with the same one-time tasks at its default polling interval and at
 * 1 s, and draining the same backlog. Only ratios within the run are compared.
 */
public final class TimerBenchmark {

    private static final int TIMERS = Integer.getInteger("bench.timers", 1_000_000);
    private static final int BACKLOG = Integer.getInteger("bench.timers.backlog", 100_000);
    private static final Duration LEAD = Duration.ofSeconds(Long.getLong("bench.timers.lead-seconds", 120));
    private static final Duration SPREAD = Duration.ofSeconds(Long.getLong("bench.timers.spread-seconds", 180));
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final int PARTITIONS = 12;
    /** {@code -Dbench.timers.peer=false} measures the timer worker alone, without db-scheduler. */
    private static final boolean PEER = Boolean.parseBoolean(System.getProperty("bench.timers.peer", "true"));

    private final Infrastructure infrastructure;
    private final Path data;
    private final Random random = new Random(42);
    private final StringBuilder report = new StringBuilder();

    private TimerBenchmark(Infrastructure infrastructure, Path data) {
        this.infrastructure = infrastructure;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("bench.dir", "bench/target/timer-bench-data"));
        System.out.println("bench timers: starting the stack (data in " + data.toAbsolutePath() + ")");
        try (var infrastructure = Devstack.start(new DevstackOptions(DevstackOptions.Mode.TEST, 1, data, true))) {
            new TimerBenchmark(infrastructure, data).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        createTopics();
        int capacity = TIMERS + 2 * BACKLOG;
        long[] due = new long[capacity];
        Path stateDir = data.resolve("timer-worker-state");
        Path log = data.resolve("logs").resolve("timer-worker.log");
        String bootstrap = infrastructure.kafkaBootstrapServers();
        try (var fired = new FiredTimers(bootstrap, capacity)) {
            var worker = WorkerProcess.start(bootstrap, stateDir, log);
            worker.awaitRunning(Duration.ofMinutes(2));

            System.out.printf(
                    "bench timers: arming %,d timers due %d to %d s from now%n",
                    TIMERS, LEAD.toSeconds(), LEAD.plus(SPREAD).toSeconds());
            Instant start = Instant.now();
            spread(due, 0, TIMERS, start.plus(LEAD), SPREAD);
            Duration arming = arm(0, TIMERS, due);
            long stateMb = worker.stateBytes() / (1024 * 1024);
            long changelogMb = changelogBytes() / (1024 * 1024);
            long heapMb = worker.heapUsedAfterGcMb();
            long rssMb = worker.residentMb();
            System.out.printf("bench timers: armed in %.1f s; waiting for them to fire%n", seconds(arming));
            boolean complete = fired.executions()
                    .awaitAll(0, TIMERS, start.plus(LEAD).plus(SPREAD).plus(GRACE));
            var steady = fired.executions().outcome(0, TIMERS, due);
            report.append(
                    "\nTimers: %,d armed in one worker instance (12 partitions), due %d to %d s after arming began%n"
                            .formatted(
                                    TIMERS, LEAD.toSeconds(), LEAD.plus(SPREAD).toSeconds()));
            header();
            row("onramp timers (fired)", TIMERS / seconds(arming), steady.fired(), steady, complete);
            row("onramp timers (visible)", TIMERS / seconds(arming), steady.visible(), steady, complete);
            report.append(
                    ("  worker with %,d timers armed: changelogs %,d MB on the broker, RocksDB files %,d MB on disk"
                                    + " (memtables not counted), heap %,d MB after GC, RSS %,d MB%n")
                            .formatted(TIMERS, changelogMb, stateMb, heapMb, rssMb));

            var stopped = backlog(worker, false, TIMERS, due, fired, stateDir, log, bootstrap);
            worker = stopped.worker();
            var killed = backlog(worker, true, TIMERS + BACKLOG, due, fired, stateDir, log, bootstrap);
            killed.worker().stop();

            if (PEER) {
                peer(steady, stopped, killed);
            } else {
                backlogTable(stopped, killed);
            }
        }
        System.out.print(report);
    }

    /** Timers falling due while the worker is down: stopped gracefully, or killed; then restarted. */
    private Backlog backlog(
            WorkerProcess worker,
            boolean kill,
            int from,
            long[] due,
            FiredTimers fired,
            Path stateDir,
            Path log,
            String bootstrap)
            throws Exception {
        Instant dueFrom = Instant.now().plusSeconds(30);
        spread(due, from, BACKLOG, dueFrom, Duration.ofSeconds(5));
        arm(from, BACKLOG, due);
        if (kill) {
            worker.kill();
        } else {
            worker.stop();
        }
        System.out.printf(
                "bench timers: worker %s with %,d timers about to fall due%n",
                kill ? "killed (SIGKILL)" : "stopped", BACKLOG);
        sleepUntil(dueFrom.plusSeconds(10));
        Instant restarted = Instant.now();
        var next = WorkerProcess.start(bootstrap, stateDir, log);
        Instant running = next.awaitRunning(Duration.ofMinutes(5));
        boolean complete =
                fired.executions().awaitAll(from, BACKLOG, Instant.now().plus(GRACE));
        var outcome = fired.executions().outcome(from, BACKLOG, due);
        return new Backlog(next, outcome, restarted, running, complete);
    }

    record Backlog(
            WorkerProcess worker, Executions.Outcome outcome, Instant restarted, Instant running, boolean complete) {

        Duration drainFromStart() {
            return Duration.between(restarted, outcome.lastVisible());
        }

        Duration drainFromRunning() {
            return Duration.between(running, outcome.lastVisible());
        }
    }

    private void peer(Executions.Outcome onramp, Backlog stopped, Backlog killed) throws Exception {
        BenchPostgres.durable(infrastructure);
        var config = new HikariConfig();
        config.setJdbcUrl(infrastructure.jdbcUrl());
        config.setUsername("onramp");
        config.setPassword("onramp");
        config.setMaximumPoolSize(20);
        try (var dataSource = new HikariDataSource(config)) {
            int capacity = 2 * TIMERS + BACKLOG;
            long[] due = new long[capacity];
            var peer = new DbSchedulerPeer(dataSource, capacity);
            var atDefault = peerRun(peer, DbSchedulerPeer.defaultPollingInterval(), 0, due);
            var atOneSecond = peerRun(peer, Duration.ofSeconds(1), TIMERS, due);

            // The same backlog: every task already due when the scheduler starts.
            int from = 2 * TIMERS;
            spread(due, from, BACKLOG, Instant.now().minusSeconds(10), Duration.ofSeconds(5));
            var idle = peer.scheduler(DbSchedulerPeer.defaultPollingInterval());
            Duration scheduling = peer.schedule(idle, from, BACKLOG, due);
            Instant started = Instant.now();
            idle.start();
            boolean drained =
                    peer.executions().awaitAll(from, BACKLOG, Instant.now().plus(GRACE));
            idle.stop();
            var backlog = peer.executions().outcome(from, BACKLOG, due);
            Duration peerDrain = Duration.between(started, backlog.lastVisible());

            row(
                    "db-scheduler (%d s poll)"
                            .formatted(DbSchedulerPeer.defaultPollingInterval().toSeconds()),
                    atDefault.rate(),
                    atDefault.outcome().fired(),
                    atDefault.outcome(),
                    atDefault.complete());
            row(
                    "db-scheduler (1 s poll)",
                    atOneSecond.rate(),
                    atOneSecond.outcome().fired(),
                    atOneSecond.outcome(),
                    atOneSecond.complete());
            report.append("\nRatios (db-scheduler / onramp, higher is better for onramp):%n".formatted());
            ratio(
                    "p99 delay, default poll vs onramp visible",
                    atDefault.outcome().fired().p99(),
                    onramp.visible().p99());
            ratio(
                    "p99 delay, 1 s poll vs onramp visible",
                    atOneSecond.outcome().fired().p99(),
                    onramp.visible().p99());
            ratio(
                    "p50 delay, default poll vs onramp visible",
                    atDefault.outcome().fired().p50(),
                    onramp.visible().p50());

            backlogTable(stopped, killed);
            report.append("  %-34s %10s %10.1f %10.0f %6d %8d%s%n"
                    .formatted(
                            "db-scheduler (default), started",
                            "-",
                            seconds(peerDrain),
                            BACKLOG / seconds(peerDrain),
                            backlog.duplicates(),
                            backlog.missing(),
                            drained ? "" : "  (did not finish)"));
            report.append("  (db-scheduler scheduled the backlog in %.1f s before starting)%n"
                    .formatted(seconds(scheduling)));
            ratio("drain rate from running, stopped", stopped, peerDrain);
            ratio("drain rate from running, killed", killed, peerDrain);
            ratio("drain rate from process start, killed", seconds(peerDrain), seconds(killed.drainFromStart()));
        }
    }

    record PeerRun(Executions.Outcome outcome, double rate, boolean complete) {}

    private PeerRun peerRun(DbSchedulerPeer peer, Duration polling, int from, long[] due) throws Exception {
        System.out.printf("bench timers: db-scheduler, %d ms polling, %,d tasks%n", polling.toMillis(), TIMERS);
        var scheduler = peer.scheduler(polling);
        scheduler.start();
        Instant start = Instant.now();
        spread(due, from, TIMERS, start.plus(LEAD), SPREAD);
        Duration scheduling = peer.schedule(scheduler, from, TIMERS, due);
        boolean complete = peer.executions()
                .awaitAll(from, TIMERS, start.plus(LEAD).plus(SPREAD).plus(GRACE));
        scheduler.stop();
        return new PeerRun(peer.executions().outcome(from, TIMERS, due), TIMERS / seconds(scheduling), complete);
    }

    private void spread(long[] due, int from, int count, Instant first, Duration over) {
        long base = first.toEpochMilli();
        for (int i = from; i < from + count; i++) {
            due[i] = base + (long) (random.nextDouble() * over.toMillis());
        }
    }

    /** Publishes the timers and waits until the worker has consumed them all; returns the time it took. */
    private Duration arm(int from, int count, long[] due) throws Exception {
        Instant started = Instant.now();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new LongSerializer())) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(TimerBenchWorker.ARM_TOPIC, FiredTimers.id(i), due[i]));
            }
            producer.flush();
        }
        awaitConsumed();
        return Duration.between(started, Instant.now());
    }

    private void awaitConsumed() throws Exception {
        try (var admin = admin()) {
            var partitions = new java.util.HashMap<TopicPartition, OffsetSpec>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.put(new TopicPartition(TimerBenchWorker.ARM_TOPIC, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(partitions).all().get();
            while (true) {
                var committed = admin.listConsumerGroupOffsets(TimerBenchWorker.APPLICATION_ID)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean all = ends.entrySet().stream().allMatch(end -> {
                    var offset = committed.get(end.getKey());
                    return offset != null && offset.offset() >= end.getValue().offset();
                });
                if (all) {
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Bytes the broker holds for the timer stores' changelog topics: what a restore reads back. */
    private long changelogBytes() throws Exception {
        try (var admin = admin()) {
            var brokers = admin.describeCluster().nodes().get().stream()
                    .map(node -> node.id())
                    .toList();
            long bytes = 0;
            for (var byDir :
                    admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (var dir : byDir.values()) {
                    for (var replica : dir.replicaInfos().entrySet()) {
                        String topic = replica.getKey().topic();
                        if (topic.startsWith(TimerBenchWorker.APPLICATION_ID + "-") && topic.endsWith("-changelog")) {
                            bytes += replica.getValue().size();
                        }
                    }
                }
            }
            return bytes;
        }
    }

    private void createTopics() throws Exception {
        try (var admin = admin()) {
            admin.createTopics(List.of(
                            new NewTopic(TimerBenchWorker.ARM_TOPIC, PARTITIONS, (short) 1),
                            new NewTopic(TimerBenchWorker.FIRED_TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
    }

    private void header() {
        report.append("  %-28s %10s %9s %9s %9s %8s %8s%n"
                .formatted("system", "armed/s", "p50 ms", "p99 ms", "max ms", "dup", "missing"));
    }

    private void row(
            String system, double armedPerSecond, Delays delays, Executions.Outcome outcome, boolean complete) {
        report.append("  %-28s %10.0f %9d %9d %9d %8d %8d%s%n"
                .formatted(
                        system,
                        armedPerSecond,
                        delays.p50(),
                        delays.p99(),
                        delays.max(),
                        outcome.duplicates(),
                        outcome.missing(),
                        complete ? "" : "  (not all fired within the grace time)"));
    }

    private void backlogTable(Backlog stopped, Backlog killed) {
        report.append("\nBacklog: %,d timers due while the worker was down%n".formatted(BACKLOG));
        report.append("  %-34s %10s %10s %10s %6s %8s%n"
                .formatted("case", "restart s", "drain s", "per s", "dup", "missing"));
        backlogRow("onramp, stopped then restarted", stopped);
        backlogRow("onramp, killed (SIGKILL), restarted", killed);
    }

    private void backlogRow(String name, Backlog backlog) {
        report.append("  %-34s %10.1f %10.1f %10.0f %6d %8d%s%n"
                .formatted(
                        name,
                        seconds(Duration.between(backlog.restarted(), backlog.running())),
                        seconds(backlog.drainFromRunning()),
                        BACKLOG / seconds(backlog.drainFromRunning()),
                        backlog.outcome().duplicates(),
                        backlog.outcome().missing(),
                        backlog.complete() ? "" : "  (did not finish)"));
    }

    private void ratio(String what, long peer, long onramp) {
        report.append("  %-48s %8.1fx%n".formatted(what, (double) peer / Math.max(1, onramp)));
    }

    private void ratio(String what, double peerSeconds, double onrampSeconds) {
        report.append("  %-48s %8.2fx%n".formatted(what, peerSeconds / onrampSeconds));
    }

    private void ratio(String what, Backlog onramp, Duration peerDrain) {
        ratio(what, seconds(peerDrain), seconds(onramp.drainFromRunning()));
    }

    private static double seconds(Duration duration) {
        return Math.max(1, duration.toMillis()) / 1000.0;
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
