package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Ports;
import io.onramp.devstack.junit.DevstackExtension;
import io.onramp.devstack.junit.DevstackFixture;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN §8: a dependency that is down yields a 503 in the error envelope within seconds, never a hang and never a
 * 500. A gateway whose PostgreSQL and broker addresses answer nothing (nobody listens on those ports) is asked for a
 * read and a command.
 */
@ExtendWith(DevstackExtension.class)
class DependencyDownTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext gateway;
    private static Http http;

    @BeforeAll
    static void gatewayWithNothingBehindIt() {
        Map<String, Object> properties =
                new HashMap<>(DevstackFixture.infrastructure().serviceEnvironment());
        properties.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/onramp");
        properties.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Ports.free());
        properties.put("SERVER_PORT", "0"); // what application.yml's server.port reads; a random free port
        // Topic creation at start-up gives up quickly too, so that the gateway starts at all.
        properties.put("spring.kafka.admin.operation-timeout", "2s");
        properties.put("spring.kafka.admin.close-timeout", "2s");
        gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("dev")
                .properties(properties)
                .run();
        http = new Http(Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aReadWithTheDatabaseDownIsA503InTheEnvelope() {
        long started = System.nanoTime();
        var response = http.get("/api/v1/interviews", token("u-1", "acme", "interviews:read"));

        assertUnavailable(response, started, "the database");
    }

    @Test
    void aCommandWithTheBrokerDownIsA503InTheEnvelope() {
        long started = System.nanoTime();
        var response = http.post(
                "/api/v1/interviews",
                token("u-1", "acme", "interviews:manage"),
                "{\"title\":\"Down\",\"duration_seconds\":60}");

        assertUnavailable(response, started, "the message broker");
    }

    private static void assertUnavailable(
            java.net.http.HttpResponse<String> response, long started, String dependency) {
        // Measured: about 1 s for a read (connection refused), 6-8 s for a command: the producer's 4 s metadata wait
        // after this cold gateway's first-request costs (first schema look-up, producer creation). The default
        // timeouts hung for 30-60 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("error");
        assertThat(body.get("code").asInt()).isEqualTo(503);
        assertThat(body.get("message").asString()).contains(dependency);
    }
}
