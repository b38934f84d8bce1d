package io.onramp.gateway;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackExtension;
import io.onramp.devstack.junit.DevstackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on the real stack, on a random port, with the dev profile. Every test class extends this, so they share
 * one application context per JVM.
 */
@ExtendWith(DevstackExtension.class)
// A shared, loaded test machine can hold the first commands past the production wait of 5 s; the 202 path has
// tests of its own (Prefer: respond-async), so here the gateway waits long enough to answer synchronously.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onramp.gateway.reply-timeout=30s",
            // Operations tests watch lag statuses change: sample often, judge over a short window.
            "onramp.gateway.ops.sample-interval=1s",
            "onramp.gateway.ops.lag-window=10s"
        })
@ActiveProfiles("dev")
abstract class GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;

    /** The workers whose read models and replies the gateway depends on, as processes from their executable jars. */
    @BeforeAll
    static void workers() {
        DevstackFixture.service(Service.ACCESS_WORKER);
        DevstackFixture.service(Service.WORKFLOW_WORKER);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DevstackFixture.infrastructure().serviceEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
