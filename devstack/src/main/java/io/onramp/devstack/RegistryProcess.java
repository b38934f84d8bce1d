package io.onramp.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Apicurio Registry 3.0.9 (the Quarkus runner jar unpacked by the build) as a child JVM bound to 127.0.0.1. */
final class RegistryProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private RegistryProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param persistent keep schemas in an H2 file under {@code home} (run mode) rather than in memory */
    static RegistryProcess start(Path home, int port, boolean persistent) {
        Ports.requireFree(port, "Apicurio Registry");
        var command = new ArrayList<>(List.of(
                ChildProcess.javaBinary(),
                "-Xms128m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + home,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN"));
        if (persistent) {
            command.add(
                    "-Dapicurio.datasource.url=jdbc:h2:file:" + home.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        command.addAll(List.of("-jar", BuildInfo.registryRunnerJar().toString()));
        var registry = ChildProcess.start("apicurio-registry", command, Map.of(), home.resolve("registry.log"));
        var started = new RegistryProcess(registry, port);
        registry.awaitReady(
                () -> Http.answers(started.coreApiUrl() + "/system/info", "version"), Duration.ofSeconds(90));
        return started;
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
        process.close();
    }
}
