package io.onramp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import io.onramp.devstack.junit.DevstackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code onramp run} starts services from a class-data archive of their build: the first start of a build records it
 * when the service stops, the next starts from it. {@code -Xshare:on} makes that second JVM refuse to start unless it
 * really maps the archive, so a stale or unreadable archive fails here rather than silently starting slower.
 */
@ExtendWith(DevstackExtension.class)
class ClassDataSharingTest {

    /**
     * A worker's: its executable jar is built before these tests run, the gateway's own only after them. Its
     * extracted builds, from the gateway's module folder, where the tests run.
     */
    private static final Service SERVICE = Service.REMINDER_WORKER;

    private static final Path EXTRACTED = Path.of("..", SERVICE.module(), "target", "extracted");

    @AfterEach
    void off() {
        System.clearProperty(ServiceProcess.CLASS_DATA_SHARING_PROPERTY);
    }

    @Test
    void aServiceRecordsItsClassDataOnceAndThenStartsFromIt(Infrastructure infrastructure) throws IOException {
        System.setProperty(ServiceProcess.CLASS_DATA_SHARING_PROPERTY, "true");
        deleteArchives();
        var environment = new HashMap<>(infrastructure.serviceEnvironment());
        // Beside the fixture's instance, if one runs: a state folder of its own.
        environment.put(
                "STREAMS_STATE_DIR",
                infrastructure.dataDir().resolve("streams-state-class-data").toString());
        Path logs = Path.of(System.getProperty("java.io.tmpdir"), "service-logs", "class-data");

        try (var recording = ServiceProcess.start(SERVICE, environment, Ports.free(), logs)) {
            assertThat(recording.recordsClassData()).isTrue();
            recording.awaitHealthy();
        }
        assertThat(archives()).hasSize(1).allMatch(archive -> archive.toString().endsWith(".jsa"));

        environment.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
        try (var sharing = ServiceProcess.start(SERVICE, environment, Ports.free(), logs)) {
            assertThat(sharing.recordsClassData()).isFalse();
            sharing.awaitHealthy();
        }
    }

    /** None before the first start of this build has unpacked it (a fresh clone, this test first). */
    private static List<Path> archives() throws IOException {
        if (!Files.exists(EXTRACTED)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(EXTRACTED, 2)) {
            return files.filter(file -> file.getFileName().toString().startsWith("classes-"))
                    .toList();
        }
    }

    private static void deleteArchives() throws IOException {
        for (Path archive : archives()) {
            Files.delete(archive);
        }
    }
}
