package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackFixture;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workflow-worker is killed (SIGKILL) while guests' task moves stream in, then restarted: every move is decided
 * once, no status change is published twice, and every guest ends with the whole workflow complete.
 */
class WorkflowWorkerCrashTest extends GatewayTestSupport {

    private static final int GUESTS = 20;
    private static final List<String> TASKS = List.of("one", "two", "three", "four", "five");

    private final String tenant = "wf-crash-" + UUID.randomUUID();
    private final String manager = token("u-coordinator", tenant, "workflows:manage", "workflows:read_all");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    @Test
    void shouldLoseNoTransitionAndApplyNoneTwiceAcrossAKill() throws InterruptedException {
        String tasks = TASKS.stream()
                .map(key -> "{\"key\":\"%s\",\"title\":\"Task %s\"}".formatted(key, key))
                .collect(Collectors.joining(","));
        assertThat(http.put("/api/v1/workflow-definitions/crash", manager, """
                        {"groups":[{"key":"first","title":"First","tasks":[%s]},
                                   {"key":"last","title":"Last","tasks":[{"key":"six","title":"Six"}]}]}""".formatted(tasks))
                        .statusCode())
                .isEqualTo(201);
        for (int g = 0; g < GUESTS; g++) {
            assertThat(http.post("/api/v1/guests/guest-" + g + "/workflow", manager, "{\"definition_id\":\"crash\"}")
                            .statusCode())
                    .isEqualTo(201);
        }

        List<String> requests = new ArrayList<>();
        List<String> moves = new ArrayList<>(TASKS);
        moves.add("six");
        for (int step = 0; step < moves.size(); step++) {
            for (int g = 0; g < GUESTS; g++) {
                String guest = token("guest-" + g, tenant, "workflows:update");
                var accepted = http.post(
                        "/api/v1/guests/guest-" + g + "/tasks/" + moves.get(step) + "/status",
                        guest,
                        "{\"status\":\"complete\"}",
                        "Prefer",
                        "respond-async");
                assertThat(accepted.statusCode()).isEqualTo(202);
                requests.add(json(accepted.body()).get("request_id").asString());
            }
            if (step == moves.size() / 2) {
                DevstackFixture.service(Service.WORKFLOW_WORKER).kill();
            }
        }
        DevstackFixture.service(Service.WORKFLOW_WORKER);

        awaitOutcomes(requests);
        assertThat(acceptedOutcomes(requests)).isEqualTo(requests.size());
        Map<String, Long> versions = jdbc
                .sql("SELECT guest_id, version FROM workflow.guest_workflows WHERE tenant_id = ? AND status = ?")
                .params(tenant, "complete")
                .query((rs, row) -> Map.entry(rs.getString("guest_id"), rs.getLong("version")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(versions).hasSize(GUESTS);
        assertThat(versions.values()).as("enrolment plus one version per move").containsOnly(1L + moves.size());

        var probe = new KafkaProbe(DevstackFixture.infrastructure().kafkaBootstrapServers());
        List<WorkflowEvent> completions = probe.readToEnd(Topics.WORKFLOW_EVENTS, Duration.ofSeconds(60)).stream()
                .flatMap(record -> TopicRecords.readable(topics.workflowEvents, record.value()).stream())
                .filter(event -> event.getTenantId().equals(tenant)
                        && event.getType() == WorkflowEventType.TASK_STATUS_CHANGED
                        && event.getToStatus() == WorkflowStatus.COMPLETE)
                .toList();
        Map<String, Long> perGuestAndTask = completions.stream()
                .collect(Collectors.groupingBy(
                        event -> event.getGuestId() + "/" + event.getTaskKey(), Collectors.counting()));
        assertThat(perGuestAndTask).hasSize(GUESTS * moves.size());
        assertThat(perGuestAndTask.values())
                .as("each completion published exactly once")
                .containsOnly(1L);
        assertThat(completions.stream().collect(Collectors.toMap(WorkflowEvent::getEventId, Function.identity())))
                .hasSize(completions.size());
    }

    private void awaitOutcomes(List<String> requests) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (recorded(requests) == requests.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + recorded(requests) + " of " + requests.size() + " decided");
    }

    private int recorded(List<String> requests) {
        return jdbc.sql("SELECT count(*) FROM workflow.command_outcomes WHERE request_id IN (:ids)")
                .param("ids", requests)
                .query(Integer.class)
                .single();
    }

    private int acceptedOutcomes(List<String> requests) {
        return jdbc.sql(
                        "SELECT count(*) FROM workflow.command_outcomes WHERE outcome = 'ACCEPTED' AND request_id IN (:ids)")
                .param("ids", requests)
                .query(Integer.class)
                .single();
    }
}
