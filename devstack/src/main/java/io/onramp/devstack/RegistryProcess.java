package io.onramp.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3.0.9 (the Quarkus runner jar unpacked by the build) as a child JVM bound to 127.0.0.1, its
 * schemas in an H2 file under its home, so that it can be stopped and started again without losing them.
 */
final class RegistryProcess implements AutoCloseable {

    private final Path home;
    private final int port;
    private ChildProcess process;

    private RegistryProcess(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    static RegistryProcess start(Path home, int port) {
        var registry = new RegistryProcess(home, port);
        registry.up();
        return registry;
    }

    /** Starts the registry (again), with the schemas it had. */
    synchronized void up() {
        if (process != null) {
            return;
        }
        Ports.requireFree(port, "Apicurio Registry");
        var command = List.of(
                ChildProcess.javaBinary(),
                "-Xms128m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + home,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + home.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-jar",
                BuildInfo.registryRunnerJar().toString());
        process = ChildProcess.start("apicurio-registry", command, Map.of(), home.resolve("registry.log"));
        process.awaitReady(() -> Http.answers(coreApiUrl() + "/system/info", "version"), Duration.ofSeconds(90));
    }

    /** Stops the registry (connections refused); {@link #up()} starts it again. */
    synchronized void down() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** The core API the Apicurio serdes use. */
    String coreApiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        down();
    }
}
