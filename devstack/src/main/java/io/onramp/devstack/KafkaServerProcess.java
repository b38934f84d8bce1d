package io.onramp.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka server itself ({@code kafka.Kafka}, each node a combined broker and controller in KRaft mode), one child
 * process per node, log directories kept between runs, as production runs it: run mode's broker, and the three-node
 * cluster whose nodes failure runs kill one at a time.
 */
final class KafkaServerProcess implements KafkaNodes {

    private static final Duration READY = Duration.ofSeconds(60);

    /** One node: its directory (configuration, log directories, logs) and its two ports. */
    private record Node(int id, Path home, int port, int controllerPort) {}

    private final List<Node> nodes;
    private final String classpath;
    private final Map<Integer, ChildProcess> running = new ConcurrentHashMap<>();

    private KafkaServerProcess(List<Node> nodes, String classpath) {
        this.nodes = nodes;
        this.classpath = classpath;
    }

    /** Run mode's single node on fixed ports, its data directly under {@code home}. */
    static KafkaServerProcess start(Path home, int port, int controllerPort) {
        return start(home, port, controllerPort, Classpath.ofClassContaining("kafka.Kafka"));
    }

    /** @param classpath the broker's classpath: the launcher's own {@code lib/*} unless a test names another */
    static KafkaServerProcess start(Path home, int port, int controllerPort, String classpath) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        return new KafkaServerProcess(List.of(new Node(1, home, port, controllerPort)), classpath).startAll();
    }

    /** {@code size} nodes on free ports, each under {@code home/node-<id>}, replicating among themselves. */
    static KafkaServerProcess cluster(Path home, int size) {
        var nodes = new ArrayList<Node>();
        for (int id = 1; id <= size; id++) {
            nodes.add(new Node(id, home.resolve("node-" + id), Ports.free(), Ports.free()));
        }
        return new KafkaServerProcess(nodes, Classpath.ofClassContaining("kafka.Kafka")).startAll();
    }

    private KafkaServerProcess startAll() {
        try {
            String clusterId = Uuid.randomUuid().toString();
            // Formatting is a JVM of its own per node: side by side, they take the time of one.
            nodes.stream()
                    .map(node -> CompletableFuture.runAsync(() -> prepare(node, clusterId)))
                    .toList()
                    .forEach(CompletableFuture::join);
            // Every node is launched before any is awaited: a node's listener opens once the quorum has formed.
            nodes.forEach(this::launch);
            for (Node node : nodes) {
                running.get(node.id()).awaitReady(() -> listening(node.port()), READY);
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    @Override
    public int size() {
        return nodes.size();
    }

    @Override
    public void kill(int nodeId) {
        var process = running.remove(nodeId);
        if (process == null) {
            throw new IllegalStateException("Kafka node " + nodeId + " is not running");
        }
        process.kill();
    }

    @Override
    public void restart(int nodeId) {
        Node node = nodes.stream()
                .filter(n -> n.id() == nodeId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + nodeId));
        if (running.containsKey(nodeId)) {
            throw new IllegalStateException("Kafka node " + nodeId + " is running");
        }
        launch(node);
        running.get(nodeId).awaitReady(() -> listening(node.port()), READY);
    }

    @Override
    public void close() {
        // Side by side: a node stopping after the quorum's majority has gone would wait out its grace period.
        running.values().stream()
                .map(process -> CompletableFuture.runAsync(process::close))
                .toList()
                .forEach(CompletableFuture::join);
        running.clear();
    }

    private void prepare(Node node, String clusterId) {
        try {
            Path logDirs = node.home().resolve("data");
            Files.createDirectories(logDirs);
            writeConfig(node, logDirs);
            writeLogging(node.home(), node.home().resolve("kafka.log"));
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(node.home(), clusterId, classpath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch(Node node) {
        var process = ChildProcess.start(
                nodes.size() == 1 ? "kafka" : "kafka-" + node.id(),
                javaCommand(
                        node.home(),
                        classpath,
                        "kafka.Kafka",
                        config(node.home()).toString()),
                Map.of(),
                node.home().resolve("console.log"));
        running.put(node.id(), process);
    }

    private static Path config(Path home) {
        return home.resolve("server.properties");
    }

    private static void format(Path home, String clusterId, String classpath) {
        var command = javaCommand(
                home,
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                config(home).toString());
        try (var format = ChildProcess.start("kafka-storage-format", command, Map.of(), home.resolve("format.log"))) {
            if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
                throw new IllegalStateException("formatting Kafka storage failed:\n" + format.tail());
            }
        }
    }

    private static List<String> javaCommand(Path home, String classpath, String mainClass, String... args) {
        var command = new ArrayList<>(List.of(
                ChildProcess.javaBinary(),
                "-Xms256m",
                "-Xmx768m",
                // The broker logs through Log4j 2 and, where slf4j picks logback, through logback: configure both,
                // with files of our own (a YAML configuration found on the classpath would need snakeyaml).
                "-Dlogback.configurationFile=" + home.resolve("logback.xml"),
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.xml"),
                "-Djava.io.tmpdir=" + home,
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void writeConfig(Node node, Path logDirs) throws IOException {
        String voters = nodes.stream()
                .map(n -> n.id() + "@127.0.0.1:" + n.controllerPort())
                .collect(Collectors.joining(","));
        var properties = new Properties();
        properties.putAll(InProcessKafka.BrokerDefaults.forNodes(nodes.size()));
        properties.putAll(Map.of(
                "process.roles",
                "broker,controller",
                "node.id",
                Integer.toString(node.id()),
                "controller.quorum.voters",
                voters,
                "listeners",
                "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners",
                "PLAINTEXT://127.0.0.1:" + node.port(),
                "controller.listener.names",
                "CONTROLLER",
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name",
                "PLAINTEXT",
                "log.dirs",
                logDirs.toString()));
        try (var out = Files.newBufferedWriter(config(node.home()))) {
            properties.store(out, "Written by the devstack on every start");
        }
    }

    private static void writeLogging(Path home, Path log) throws IOException {
        Files.writeString(home.resolve("log4j2.xml"), """
                <Configuration status="WARN">
                  <Appenders>
                    <File name="FILE" fileName="%s">
                      <PatternLayout pattern="%%d{ISO8601} %%-5level [%%c{1}] %%msg%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Root level="WARN"><AppenderRef ref="FILE"/></Root>
                    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  </Loggers>
                </Configuration>
                """.formatted(log));
        Files.writeString(home.resolve("logback.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{ISO8601} %%-5level [%%logger{20}] %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="FILE"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                </configuration>
                """.formatted(log));
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
