package io.onramp.devstack;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The embedded default: every piece real, none in a container, started in parallel where they do not depend. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path home;
    private final KafkaNodes kafka;
    private final RegistryProcess registry;
    private final Postgres postgres;
    private final Smtp smtp;

    EmbeddedInfrastructure(DevstackOptions options) {
        home = prepare(options);
        boolean run = options.fixedPorts();
        var registryStart = CompletableFuture.supplyAsync(
                () -> RegistryProcess.start(home.resolve("registry"), Ports.pick(run, Ports.REGISTRY)));
        var postgresStart = CompletableFuture.supplyAsync(
                () -> Postgres.start(home.resolve("postgres"), Ports.pick(run, Ports.POSTGRES), run));
        try {
            kafka = run
                    ? KafkaServerProcess.start(home.resolve("kafka"), Ports.KAFKA, Ports.KAFKA_CONTROLLER)
                    : options.brokers() == 1
                            ? new InProcessKafka()
                            : KafkaServerProcess.cluster(home.resolve("kafka"), options.brokers());
            started.push(kafka);
            smtp = Smtp.start(Ports.pick(run, Ports.SMTP), Ports.pick(run, Ports.IMAP));
            started.push(smtp);
            postgres = postgresStart.join();
            started.push(postgres);
            registry = registryStart.join();
            started.push(registry);
        } catch (RuntimeException e) {
            registryStart.thenAccept(RegistryProcess::close);
            postgresStart.thenAccept(Postgres::close);
            close();
            throw e;
        }
    }

    private static Path prepare(DevstackOptions options) {
        Path home = options.dataDir().toAbsolutePath();
        try {
            if (options.fresh() && Files.exists(home)) {
                try (Stream<Path> tree = Files.walk(home)) {
                    tree.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String registryUrl() {
        return registry.coreApiUrl();
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public String smtpHost() {
        return "127.0.0.1";
    }

    @Override
    public int smtpPort() {
        return smtp.port();
    }

    @Override
    public List<MimeMessage> receivedMail() {
        return smtp.receivedMessages();
    }

    @Override
    public int imapPort() {
        return smtp.imapPort();
    }

    @Override
    public void down(Part part) {
        switch (part) {
            case MAIL -> smtp.down();
            case POSTGRES -> postgres.down();
            case REGISTRY -> registry.down();
        }
    }

    @Override
    public void up(Part part) {
        switch (part) {
            case MAIL -> smtp.up();
            case POSTGRES -> postgres.up();
            case REGISTRY -> registry.up();
        }
    }

    @Override
    public void killKafkaNode(int nodeId) {
        kafka.kill(nodeId);
    }

    @Override
    public void restartKafkaNode(int nodeId) {
        kafka.restart(nodeId);
    }

    @Override
    public int kafkaActiveController() {
        return kafka.activeController();
    }

    @Override
    public Path dataDir() {
        return home;
    }

    @Override
    public int kafkaNodes() {
        return kafka.size();
    }

    /** Stops in the reverse order of starting. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("devstack: stopping failed: " + e);
            }
        }
    }
}
