package io.onramp.gateway.schedule;

import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;

class ScheduleTemplateWebTest extends WebLayerTest {

    @Test
    void definingATemplateNeedsSchedulesCreate() {
        String reader = bearer("u-1", "acme", Permissions.SCHEDULES_READ_ALL, Permissions.SCHEDULES_UPDATE);
        String body = "{\"interview_type\":\"technical\",\"duration_minutes\":60,\"title\":\"Technical\"}";
        assertEnvelope(call("PUT", "/api/v1/schedule-templates/tech", reader, body), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownTemplateIs404() {
        String reader = bearer("u-1", "acme", Permissions.SCHEDULES_READ);
        assertEnvelope(call("GET", "/api/v1/schedule-templates/tech", reader, null), 404);
    }
}
