package io.onramp.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code onramp run}: the whole platform on the embedded default, on the documented fixed ports, with data kept under
 * one folder between runs; Ctrl-C stops everything it started. {@code onramp token}: a development token.
 */
public final class Launcher {

    private static final String USAGE = """
            Usage:
              onramp run   [--fresh] [--data-dir DIR] [--infra-only]
              onramp token --sub USER --org TENANT --permissions a:b,c:d [--ttl-minutes N] [--gateway URL]
            """;

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        var arguments = new Arguments(args);
        switch (arguments.command()) {
            case "run" -> run(arguments);
            case "token" -> System.exit(TokenCommand.run(arguments));
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void run(Arguments arguments) throws InterruptedException {
        System.setProperty(ServiceProcess.CLASS_DATA_SHARING_PROPERTY, "true");
        Path dataDir = Path.of(arguments.option("--data-dir", ".onramp"));
        boolean fresh = arguments.flag("--fresh");
        long started = System.nanoTime();
        System.out.println("onramp: starting Kafka, Apicurio Registry, PostgreSQL and SMTP (data in "
                + dataDir.toAbsolutePath() + (fresh ? ", wiped first" : "") + ")");
        var infrastructure = new EmbeddedInfrastructure(DevstackOptions.forRun(dataDir, fresh));
        List<ServiceProcess> services = new ArrayList<>();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean recording = services.stream().anyMatch(ServiceProcess::recordsClassData);
            System.out.println("\nonramp: stopping"
                    + (recording ? " (recording the services' class data for faster starts: once per build)" : ""));
            ServiceProcess.closeAll(services);
            infrastructure.close();
            stopped.countDown();
        }));
        if (!arguments.flag("--infra-only")) {
            for (Service service : Service.values()) {
                services.add(ServiceProcess.start(
                        service,
                        infrastructure.serviceEnvironment(),
                        service.runPort(),
                        dataDir.toAbsolutePath().resolve("logs")));
            }
            CompletableFuture.allOf(services.stream()
                            .map(s -> CompletableFuture.runAsync(s::awaitHealthy))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        printBanner(infrastructure, services, Duration.ofNanos(System.nanoTime() - started), dataDir);
        stopped.await();
    }

    private static void printBanner(
            Infrastructure infrastructure, List<ServiceProcess> services, Duration took, Path dataDir) {
        var out = new StringBuilder("\nonramp: up in %d s\n\n".formatted(took.toSeconds()));
        out.append("  Kafka                %s%n".formatted(infrastructure.kafkaBootstrapServers()));
        out.append("  Schema registry      %s  (Confluent clients: %s)%n"
                .formatted(infrastructure.registryUrl(), infrastructure.registryConfluentUrl()));
        out.append("  PostgreSQL           %s  (user onramp / onramp)%n".formatted(infrastructure.jdbcUrl()));
        out.append("  SMTP                 %s:%d  (read the mail over IMAP on port %d: user and password are the"
                        .formatted(infrastructure.smtpHost(), infrastructure.smtpPort(), infrastructure.imapPort())
                + " recipient's address)\n");
        for (ServiceProcess service : services) {
            out.append("  %-20s %s  (log: %s)%n".formatted(service.name(), service.url(), service.log()));
        }
        out.append("""

                  Gateway:  http://127.0.0.1:%d   API docs: http://127.0.0.1:%d/swagger-ui.html
                  Token:    ./onramp token --sub u-1 --org acme --permissions interviews:manage,interviews:read
                  Logs:     %s

                Ctrl-C stops everything.
                """.formatted(
                        Ports.GATEWAY, Ports.GATEWAY, dataDir.toAbsolutePath().resolve("logs")));
        System.out.println(out);
    }

    /** Minimal {@code --name value} and {@code --flag} parsing. */
    record Arguments(List<String> values) {

        Arguments(String[] args) {
            this(Arrays.asList(args));
        }

        String command() {
            return values.isEmpty() ? "" : values.get(0);
        }

        boolean flag(String name) {
            return values.contains(name);
        }

        String option(String name, String fallback) {
            int at = values.indexOf(name);
            return at >= 0 && at + 1 < values.size() ? values.get(at + 1) : fallback;
        }
    }
}
