package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replies stay right across a worker's crash: candidates wait for their attempts to start while the access-worker is
 * killed (SIGKILL) and restarted. Every answer is the answer to its own request (a 201 naming its own candidate and
 * interview, an attempt no other reply names) or a 202 whose request is then decided once; the read model holds
 * exactly one attempt per request, each 201's among them.
 */
class ReplyAcrossKillTest extends GatewayTestSupport {

    private static final int CLIENTS = 8;

    private final String tenant = "reply-kill-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant");

    @Autowired
    JdbcClient jdbc;

    record Sent(String user, Instant at, HttpResponse<String> response) {}

    @Test
    void everyReplyAnswersItsOwnRequestAcrossAKill() throws Exception {
        String interview = json(http.post("/api/v1/interviews", admin, """
                        {"title":"Reply across a kill","duration_seconds":60}""").body())
                .get("id")
                .asString();
        for (int client = 0; client < CLIENTS; client++) {
            var granted = http.post(
                    "/api/v1/access",
                    admin,
                    "{\"user_id\":\"u-" + client + "\",\"interview_ids\":[\"" + interview + "\"]}");
            assertThat(granted.statusCode()).isEqualTo(200);
        }
        var sent = new ConcurrentLinkedQueue<Sent>();
        var running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String user = "u-" + client;
            String candidate = token(user, tenant, "interviews:create");
            // Half the clients wait the whole reply timeout; half give up after 2 s and get a 202 while it is down.
            String[] prefer = client % 2 == 0 ? new String[0] : new String[] {"Prefer", "wait=2"};
            clients.add(new Thread(() -> {
                while (running.get()) {
                    Instant at = Instant.now();
                    var response = http.post("/api/v1/interviews/" + interview + "/attempts", candidate, "", prefer);
                    sent.add(new Sent(user, at, response));
                }
            }));
        }
        clients.forEach(Thread::start);
        Thread.sleep(2_000);
        Instant killed = Instant.now();
        DevstackFixture.service(Service.ACCESS_WORKER).kill();
        Thread.sleep(1_000);
        DevstackFixture.service(Service.ACCESS_WORKER); // restarted, healthy
        Instant restarted = Instant.now();
        Thread.sleep(2_000);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(sent).anyMatch(s -> s.at().isAfter(killed) && s.at().isBefore(restarted));
        List<String> pending = new ArrayList<>();
        Set<String> started = new HashSet<>();
        for (Sent s : sent) {
            var status = s.response().statusCode();
            assertThat(status).as(s.user() + ": " + s.response().body()).isIn(201, 202);
            var body = json(s.response().body());
            if (status == 201) {
                assertThat(body.get("user_id").asString()).isEqualTo(s.user());
                assertThat(body.get("interview_id").asString()).isEqualTo(interview);
                assertThat(started.add(body.get("id").asString()))
                        .as("an attempt named by two replies")
                        .isTrue();
            } else {
                pending.add(body.get("request_id").asString());
            }
        }
        assertThat(pending)
                .as("requests answered 202 while the worker was down")
                .isNotEmpty();
        awaitCount(
                "SELECT count(*) FROM access.command_outcomes WHERE outcome = 'CREATED' AND request_id IN (:ids)",
                "ids",
                pending,
                pending.size());
        awaitCount("SELECT count(*) FROM access.attempts WHERE tenant_id = :tenant", "tenant", tenant, sent.size());
        assertThat(jdbc.sql("SELECT attempt_id FROM access.attempts WHERE tenant_id = ?")
                        .param(tenant)
                        .query(String.class)
                        .list())
                .containsAll(started);
    }

    private void awaitCount(String sql, String name, Object value, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        int count = 0;
        while (Instant.now().isBefore(deadline)) {
            count = jdbc.sql(sql).param(name, value).query(Integer.class).single();
            if (count >= expected) {
                assertThat(count).as(sql).isEqualTo(expected);
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(count + " of " + expected + " from " + sql);
    }
}
