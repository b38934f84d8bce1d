package io.onramp.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the build recorded: where the registry was unpacked and where the project lives. */
final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    static Path registryRunnerJar() {
        Path jar = Path.of(PROPERTIES.getProperty("apicurio.runner"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + jar
                    + ": build the devstack module first (./mvnw package)");
        }
        return jar;
    }

    static Path projectRoot() {
        return Path.of(PROPERTIES.getProperty("project.root")).normalize();
    }

    static String avroSerializablePackages() {
        return PROPERTIES.getProperty("avro.serializable.packages");
    }

    private static Properties load() {
        var properties = new Properties();
        try (var in = BuildInfo.class.getResourceAsStream("/devstack.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
