package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.junit.DevstackFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DESIGN §2: after a 2xx for a command, a read through <em>any</em> gateway instance shows the change. A second
 * gateway runs beside the test's own, on the same stack; concurrent clients write through one instance and read
 * through the other at once, a thousand times, both ways round.
 */
class ReadYourWritesTest extends GatewayTestSupport {

    private static final int CLIENTS = 8;
    private static final int WRITES = 1_000;

    private static ConfigurableApplicationContext second;

    private final String tenant = "ryw-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant", "access:read");

    @BeforeAll
    static void secondGateway() {
        Map<String, Object> properties =
                new HashMap<>(DevstackFixture.infrastructure().serviceEnvironment());
        properties.put("SERVER_PORT", "0"); // what application.yml's server.port reads; a random free port
        properties.put("onramp.gateway.reply-timeout", "30s");
        second = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("dev")
                .properties(properties)
                .run();
    }

    @AfterAll
    static void stopSecondGateway() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aWriteAnsweredByOneInstanceIsReadByTheOtherAtOnce() throws Exception {
        var other = new Http(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        String interview = interview();
        var stale = new ConcurrentLinkedQueue<String>();
        var failed = new ConcurrentLinkedQueue<String>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = client; i < WRITES; i += CLIENTS) {
                        boolean forward = i % 2 == 0;
                        Http writer = forward ? http : other;
                        Http reader = forward ? other : http;
                        String user = "u-" + i;
                        var granted =
                                writer.post("/api/v1/access", admin, AccessEndToEndTest.body(user, List.of(interview)));
                        if (granted.statusCode() != 200) {
                            failed.add(user + ": " + granted.statusCode() + " " + granted.body());
                            continue;
                        }
                        var read = reader.get("/api/v1/access/" + user, admin);
                        if (read.statusCode() != 200 || !read.body().contains(interview)) {
                            stale.add(user + " (" + (forward ? "first → second" : "second → first") + "): "
                                    + read.statusCode() + " " + read.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(failed).as("writes refused").isEmpty();
        assertThat(stale)
                .as("reads that missed the write their client had just seen acknowledged")
                .isEmpty();
    }

    /**
     * A new interview. The grant that follows is retried until the catalogue's global table has the interview: a grant
     * sent inside that window is answered 404 (a known gap, tracked apart), and this test is about reads.
     */
    private String interview() throws InterruptedException {
        var created = http.post("/api/v1/interviews", admin, """
                {"title":"Read your writes","duration_seconds":600}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created.body()).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (http.post("/api/v1/access", admin, AccessEndToEndTest.body("u-probe", List.of(id)))
                        .statusCode()
                != 200) {
            assertThat(Instant.now()).as("the catalogue knows the interview").isBefore(deadline);
            Thread.sleep(100);
        }
        return id;
    }
}
