package io.onramp.gateway.notification;

import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;

class NotificationWebTest extends WebLayerTest {

    private static final String ID = "8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";

    @Test
    void resendingNeedsNotificationsManage() {
        String reader = bearer("u-1", "acme", Permissions.NOTIFICATIONS_READ);
        assertEnvelope(call("POST", "/api/v1/notifications/" + ID + "/resend", reader, null), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownNotificationIs404() {
        String manager = bearer("u-1", "acme", Permissions.NOTIFICATIONS_MANAGE);
        assertEnvelope(call("GET", "/api/v1/notifications/" + ID, manager, null), 404);
        assertEnvelope(call("POST", "/api/v1/notifications/" + ID + "/resend", manager, null), 404);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownStatusFilterIs400() {
        String reader = bearer("u-1", "acme", Permissions.NOTIFICATIONS_READ);
        assertEnvelope(call("GET", "/api/v1/notifications?status=lost", reader, null), 400, "status");
    }
}
