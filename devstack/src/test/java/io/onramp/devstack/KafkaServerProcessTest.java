package io.onramp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run mode's broker: the Kafka server as a process, keeping its data between runs, on the launcher's own classpath
 * ({@code target/lib}), not on the richer classpath of the tests.
 */
class KafkaServerProcessTest {

    private static final String LAUNCHER_CLASSPATH = Path.of("target/lib").toAbsolutePath() + "/*";

    @Test
    void shouldKeepTopicsAcrossARestart(@TempDir Path home) throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        try (var broker = KafkaServerProcess.start(home, port, controllerPort, LAUNCHER_CLASSPATH);
                var admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept", 3, (short) 1)))
                    .all()
                    .get();
        }

        try (var broker = KafkaServerProcess.start(home, port, controllerPort, LAUNCHER_CLASSPATH);
                var admin = admin(broker)) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        }
    }

    private static Admin admin(KafkaNodes broker) {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(), "default.api.timeout.ms", (int)
                Duration.ofSeconds(30).toMillis()));
    }
}
