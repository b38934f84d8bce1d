package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access-worker is killed (SIGKILL) while grants stream in, then restarted: every accepted request is decided
 * exactly once, and the read model holds exactly the grants that were asked for.
 */
class AccessWorkerCrashTest extends GatewayTestSupport {

    private static final int USERS = 20;
    private static final int REQUESTS = 200;

    private final String tenant = "crash-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant", "access:read");

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldLoseNoGrantAndApplyNoneTwiceAcrossAKill() throws InterruptedException {
        List<String> catalogue = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            catalogue.add(json(http.post("/api/v1/interviews", admin, """
                                    {"title":"Crash %d","duration_seconds":60}""".formatted(i))
                            .body())
                    .get("id")
                    .asString());
        }
        var random = new Random(42);
        Map<String, Set<String>> expected = new HashMap<>();
        List<String> requests = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            String user = "u-" + random.nextInt(USERS);
            List<String> ids = List.of(
                    catalogue.get(random.nextInt(catalogue.size())), catalogue.get(random.nextInt(catalogue.size())));
            var accepted =
                    http.post("/api/v1/access", admin, AccessEndToEndTest.body(user, ids), "Prefer", "respond-async");
            assertThat(accepted.statusCode()).isEqualTo(202);
            requests.add(json(accepted.body()).get("request_id").asString());
            expected.computeIfAbsent(user, u -> new TreeSet<>()).addAll(ids);
            if (i == REQUESTS / 2) {
                DevstackFixture.service(Service.ACCESS_WORKER).kill();
            }
        }
        DevstackFixture.service(Service.ACCESS_WORKER);

        awaitOutcomes(requests);
        for (var entry : expected.entrySet()) {
            assertThat(grantsInReadModel(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(outcomesRecorded(requests)).isEqualTo(REQUESTS);
    }

    private void awaitOutcomes(List<String> requests) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (outcomesRecorded(requests) == requests.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + outcomesRecorded(requests) + " of " + requests.size() + " decided");
    }

    private int outcomesRecorded(List<String> requests) {
        return jdbc.sql(
                        "SELECT count(*) FROM access.command_outcomes WHERE outcome = 'ACCEPTED' AND request_id IN (:ids)")
                .param("ids", requests)
                .query(Integer.class)
                .single();
    }

    private Set<String> grantsInReadModel(String user) {
        return new TreeSet<>(
                jdbc.sql("SELECT interview_id FROM access.access_grants WHERE tenant_id = ? AND user_id = ?")
                        .params(tenant, user)
                        .query(String.class)
                        .list());
    }
}
