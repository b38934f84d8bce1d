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
import org.apache.kafka.common.Uuid;

/**
 * The Kafka server itself ({@code kafka.Kafka}, combined broker and controller in KRaft mode) as a child process with
 * its log directory kept between runs, as production runs it: run mode's broker.
 */
final class KafkaServerProcess implements KafkaNodes {

    private final ChildProcess process;
    private final int port;

    private KafkaServerProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaServerProcess start(Path home, int port, int controllerPort) {
        return start(home, port, controllerPort, Classpath.ofClassContaining("kafka.Kafka"));
    }

    /** @param classpath the broker's classpath: the launcher's own {@code lib/*} unless a test names another */
    static KafkaServerProcess start(Path home, int port, int controllerPort, String classpath) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        try {
            Path logDirs = home.resolve("data");
            Path config = home.resolve("server.properties");
            Files.createDirectories(logDirs);
            writeConfig(config, logDirs, port, controllerPort);
            writeLogging(home, home.resolve("kafka.log"));
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(home, config, classpath);
            }
            var server = ChildProcess.start(
                    "kafka",
                    javaCommand(home, classpath, "kafka.Kafka", config.toString()),
                    Map.of(),
                    home.resolve("console.log"));
            server.awaitReady(() -> listening(port), Duration.ofSeconds(60));
            return new KafkaServerProcess(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void format(Path home, Path config, String classpath) {
        var command = javaCommand(
                home,
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString());
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

    private static void writeConfig(Path file, Path logDirs, int port, int controllerPort) throws IOException {
        var properties = new Properties();
        properties.putAll(InProcessKafka.BrokerDefaults.forNodes(1));
        properties.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", logDirs.toString()));
        try (var out = Files.newBufferedWriter(file)) {
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
