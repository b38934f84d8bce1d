package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk interview access through the gateway, the ACCESS table in the access-worker, and its read model. */
class AccessEndToEndTest extends GatewayTestSupport {

    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin =
            token("u-admin", tenant, "interviews:manage", "access:grant", "access:revoke", "access:read");
    private final List<String> interviews = new ArrayList<>();

    @Autowired
    RecordPublisher publisher;

    @Autowired
    Topics topics;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void catalogue() {
        for (int i = 0; i < 3; i++) {
            var created = http.post("/api/v1/interviews", admin, """
                    {"title":"Interview %d","duration_seconds":600}""".formatted(i));
            assertThat(created.statusCode()).isEqualTo(201);
            interviews.add(json(created.body()).get("id").asString());
        }
    }

    @Test
    void shouldGrantCollapsingDuplicatesAndCountOnlyNewGrants() {
        var first = grant("u-1", interviews.get(0), interviews.get(0), interviews.get(1));
        var second = grant("u-1", interviews.get(1), interviews.get(2));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).get("success").asBoolean()).isTrue();
        assertThat(json(first.body()).get("created_access_count").asInt()).isEqualTo(2);
        assertThat(json(second.body()).get("created_access_count").asInt()).isEqualTo(1);
        assertThat(accessOf("u-1")).containsExactlyInAnyOrderElementsOf(interviews);
    }

    @Test
    void shouldGrantNothingAndNameEachUnknownId() {
        String ghost1 = UUID.randomUUID().toString();
        String ghost2 = UUID.randomUUID().toString();

        var response = grant("u-2", interviews.get(0), ghost1, ghost2);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("errors").values())
                .extracting(e -> e.get("error").asString())
                .containsExactly("unknown interview " + ghost1, "unknown interview " + ghost2);
        assertThat(accessOf("u-2")).isEmpty();
    }

    @Test
    void shouldNotGrantAnotherTenantsInterviews() {
        var response = http.post(
                "/api/v1/access", token("u-x", "globex", "access:grant"), body("u-3", List.of(interviews.get(0))));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRevokeSymmetrically() {
        grant("u-6", interviews.get(0), interviews.get(1));

        var response = http.delete("/api/v1/access", admin, body("u-6", List.of(interviews.get(1), interviews.get(2))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("revoked_access_count").asInt()).isEqualTo(1);
        assertThat(accessOf("u-6")).containsExactly(interviews.get(0));
    }

    @Test
    void shouldGrantTenThousandInterviewsInOneRequest() throws InterruptedException {
        List<String> many = IntStream.range(0, 10_000)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        for (String id : many) {
            publisher.publishAsync(topics.interviewCommands, Keys.of(tenant, id), create(id));
        }
        awaitCatalogueSize(3 + many.size());

        var response = http.post("/api/v1/access", admin, body("u-bulk", many));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("created_access_count").asInt()).isEqualTo(10_000);
        assertThat(accessOf("u-bulk")).hasSize(10_000);
    }

    private InterviewCommand create(String id) {
        return new InterviewCommand(
                new CommandMetadata(UUID.randomUUID().toString(), tenant, "u-admin", Instant.now()),
                CreateInterview.newBuilder()
                        .setInterviewId(id)
                        .setTitle("Bulk " + id)
                        .setDurationSeconds(600)
                        .build());
    }

    private void awaitCatalogueSize(int size) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Integer count = jdbc.sql("SELECT count(*) FROM access.interviews WHERE tenant_id = ?")
                    .param(tenant)
                    .query(Integer.class)
                    .single();
            if (count >= size) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("catalogue of " + tenant + " did not reach " + size + " interviews");
    }

    private java.net.http.HttpResponse<String> grant(String user, String... ids) {
        return http.post("/api/v1/access", admin, body(user, List.of(ids)));
    }

    private List<String> accessOf(String user) {
        var response = http.get("/api/v1/access/" + user, admin);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).get("interview_ids").values().stream()
                .map(n -> n.asString())
                .toList();
    }

    static String body(String user, List<String> ids) {
        return "{\"user_id\":\"" + user + "\",\"interview_ids\":["
                + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    }
}
