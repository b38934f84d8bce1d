package io.onramp.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The five services of the platform, with their module and run-mode port. */
public enum Service {
    API_GATEWAY("api-gateway", Ports.GATEWAY),
    ACCESS_WORKER("access-worker", Ports.ACCESS_WORKER),
    WORKFLOW_WORKER("workflow-worker", Ports.WORKFLOW_WORKER),
    REMINDER_WORKER("reminder-worker", Ports.REMINDER_WORKER),
    NOTIFICATION_WORKER("notification-worker", Ports.NOTIFICATION_WORKER);

    private final String module;
    private final int runPort;

    Service(String module, int runPort) {
        this.module = module;
        this.runPort = runPort;
    }

    public String module() {
        return module;
    }

    public int runPort() {
        return runPort;
    }

    /** The executable jar the build wrote for this service ({@code <module>/target/<module>-<version>-exec.jar}). */
    Path executableJar() {
        Path target = BuildInfo.projectRoot().resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no executable jar for " + module + " in " + target + ": run ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
