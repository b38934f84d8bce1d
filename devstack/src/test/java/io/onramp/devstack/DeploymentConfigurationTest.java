package io.onramp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the Dockerfile, the devstack and the README name the same environment variables the services'
 * application.yml files read, so that no deployment path sets a variable nothing reads or misses one that is read.
 */
class DeploymentConfigurationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Path ROOT = BuildInfo.projectRoot();

    @Test
    void shouldSetOnlyVariablesTheServicesReadInDockerCompose() throws IOException {
        Set<String> read = variablesReadByServices();
        Map<String, Map<String, Object>> services = composeServices();

        for (Service service : Service.values()) {
            var definition = services.get(service.module());
            assertThat(definition).as("compose service %s", service.module()).isNotNull();
            @SuppressWarnings("unchecked")
            var environment = (Map<String, Object>) definition.get("environment");
            assertThat(read).as("variables %s sets", service.module()).containsAll(environment.keySet());
        }
    }

    @Test
    void shouldDocumentEveryVariableInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(variablesReadByServices())
                .allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }

    @Test
    void shouldGiveServicesOnlyVariablesTheyReadFromTheDevstack() throws IOException {
        Set<String> devstack = new TreeSet<>(Set.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "SCHEMA_REGISTRY_URL",
                "DATABASE_URL",
                "SMTP_HOST",
                "SMTP_PORT",
                "TOPIC_REPLICATION_FACTOR",
                "STREAMS_STATE_DIR",
                "SERVER_PORT"));

        assertThat(variablesReadByServices()).containsAll(devstack);
        assertThat(Files.readString(ROOT.resolve("devstack/src/main/java/io/onramp/devstack/Infrastructure.java")))
                .contains(
                        devstack.stream().filter(n -> !n.equals("SERVER_PORT")).toList());
    }

    @Test
    void shouldSetOnlyReadVariablesInTheDockerfile() throws IOException {
        var dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("STREAMS_STATE_DIR=", "SERVER_PORT=");
        assertThat(variablesReadByServices()).contains("STREAMS_STATE_DIR", "SERVER_PORT");
    }

    private static Set<String> variablesReadByServices() throws IOException {
        var names = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(ROOT, 6)) {
            for (Path file : files.filter(DeploymentConfigurationTest::isServiceConfiguration)
                    .toList()) {
                var matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static boolean isServiceConfiguration(Path file) {
        String name = file.getFileName().toString();
        return file.toString().contains("src/main/resources")
                && (name.startsWith("application") || name.equals("onramp-platform.yml"))
                && name.endsWith(".yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        try (var in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }
}
