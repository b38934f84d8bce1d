package io.onramp.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Starts the platform's infrastructure: embedded by default (no Docker needed), on Testcontainers when
 * {@code ONRAMP_INFRA=containers} is set or a Docker engine is present.
 */
public final class Devstack {

    static final String INFRA_VARIABLE = "ONRAMP_INFRA";

    private Devstack() {}

    public static Infrastructure start(DevstackOptions options) {
        return useContainers() ? ContainerInfrastructure.start(options) : new EmbeddedInfrastructure(options);
    }

    static boolean useContainers() {
        String choice = System.getenv(INFRA_VARIABLE);
        if (choice != null && !choice.isBlank()) {
            return choice.toLowerCase(Locale.ROOT).equals("containers");
        }
        return Files.exists(Path.of("/var/run/docker.sock")) && ContainerInfrastructure.dockerAvailable();
    }
}
