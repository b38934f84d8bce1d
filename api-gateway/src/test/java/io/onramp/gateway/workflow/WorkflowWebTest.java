package io.onramp.gateway.workflow;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Workflow definitions and guests' workflows: who may act on a guest's tasks, and what is checked before a command. */
class WorkflowWebTest extends WebLayerTest {

    private static final String STATUS = "/api/v1/guests/g-1/tasks/application/status";
    private static final String DATA = "/api/v1/guests/g-1/tasks/application/data";

    @Autowired
    WorkflowReadModel workflows;

    @Test
    void definingAndEnrollingNeedWorkflowsManage() {
        String coordinator = bearer("u-1", "acme", Permissions.WORKFLOWS_READ_ALL, Permissions.WORKFLOWS_REVIEW);
        assertEnvelope(call("PUT", "/api/v1/workflow-definitions/onboarding", coordinator, "{\"groups\":[]}"), 403);
        String enrol = "{\"definition_id\":\"onboarding\"}";
        assertEnvelope(call("POST", "/api/v1/guests/g-1/workflow", coordinator, enrol), 403);
        assertEnvelope(call("DELETE", "/api/v1/guests/g-1/workflow", coordinator, null), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void anotherGuestsTasksAreNotYoursToMove() {
        when(workflows.enrolled("acme", "g-1")).thenReturn(true);
        String otherGuest = bearer("g-2", "acme", Permissions.WORKFLOWS_UPDATE, Permissions.WORKFLOWS_READ);

        assertEnvelope(call("POST", STATUS, otherGuest, "{\"status\":\"complete\"}"), 403, "guest_id");
        assertEnvelope(call("PUT", DATA, otherGuest, "{\"responses\":{\"income\":\"1200\"}}"), 403, "guest_id");
        verifyNoInteractions(commands);
    }

    @Test
    void aGuestNotEnrolledIs404() {
        String guest = bearer("g-1", "acme", Permissions.WORKFLOWS_UPDATE, Permissions.WORKFLOWS_READ);
        assertEnvelope(call("POST", STATUS, guest, "{\"status\":\"complete\"}"), 404);
        assertEnvelope(call("GET", "/api/v1/guests/g-1/dashboard", guest, null), 404);
        String manager = bearer("u-1", "acme", Permissions.WORKFLOWS_MANAGE);
        assertEnvelope(call("POST", "/api/v1/guests/g-1/workflow", manager, "{\"definition_id\":\"none\"}"), 404);
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | " + STATUS + " | {\"status\":\"done\"} | status",
                "POST | /api/v1/guests/g-1/tasks/Task/status | {\"status\":\"complete\"} | task_id",
                "PUT | " + DATA + " | {\"responses\":[1,2]} | responses",
                "PUT | " + DATA + " | {} | responses",
                "POST | /api/v1/guests/g-1/workflow | {\"definition_id\":\"NotValid\"} | definition_id",
                "PUT | /api/v1/workflow-definitions/NotValid | {\"groups\":[]} | definition_id",
                "PUT | /api/v1/workflow-definitions/onboarding | {} | groups",
                "GET | /api/v1/guests?status=lost | | status"
            })
    void anInvalidRequestIs400NamingTheField(String method, String path, String body, String field) {
        String token = bearer(
                "g-1",
                "acme",
                Permissions.WORKFLOWS_MANAGE,
                Permissions.WORKFLOWS_UPDATE,
                Permissions.WORKFLOWS_REVIEW,
                Permissions.WORKFLOWS_READ_ALL);
        assertEnvelope(call(method, path, token, body), 400, field);
        verifyNoInteractions(commands);
    }
}
