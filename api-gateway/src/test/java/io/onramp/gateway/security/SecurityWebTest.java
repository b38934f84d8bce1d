package io.onramp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import io.onramp.devstack.DevTokens;
import io.onramp.gateway.web.WebLayerTest;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.AuditEvent;
import io.onramp.schemas.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN §5 at the front door: who gets 401, who gets 403, and what both look like. */
class SecurityWebTest extends WebLayerTest {

    private static final String INTERVIEW = "/api/v1/interviews/8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";
    private static final String CREATE = """
            {"title":"Backend screen","duration_seconds":1800}""";

    @Autowired
    RecordPublisher publisher;

    @Autowired
    Topics topics;

    @Test
    void withoutATokenIs401NamingTheAuthorization() {
        assertEnvelope(call("GET", INTERVIEW, null, null), 401, "authorization");
    }

    @Test
    void a403NamesThePermissionAndListsTheCallersOnes() {
        var envelope = assertEnvelope(
                call("POST", "/api/v1/interviews", bearer("u-1", "acme", "interviews:read"), CREATE), 403);

        var error = envelope.get("errors").get(0);
        assertThat(envelope.get("message").asString()).isEqualTo("Insufficient permissions");
        assertThat(error.get("field").asString()).isEqualTo("permissions");
        assertThat(error.get("error").asString()).isEqualTo("Required permission: interviews:manage");
        assertThat(error.get("user_permissions").values())
                .extracting(n -> n.asString())
                .containsExactly("interviews:read");
    }

    @Test
    void everyDenialIsPublishedToTheAudit() {
        call("POST", "/api/v1/interviews", bearer("u-audit", "acme", "interviews:read"), CREATE);

        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(publisher).publishAsync(eq(topics.audit), eq("acme"), event.capture());
        assertThat(event.getValue().getStatus()).isEqualTo(403);
        assertThat(event.getValue().getUserId()).isEqualTo("u-audit");
        assertThat(event.getValue().getRequiredPermission()).isEqualTo("interviews:manage");
        assertThat(event.getValue().getPath()).isEqualTo("/api/v1/interviews");
    }

    @Test
    void aTokenWithoutPermissionsIs403ListingNone() {
        var envelope = assertEnvelope(call("GET", INTERVIEW, bearer("u-1", "acme"), null), 403);
        assertThat(envelope.get("errors").get(0).get("user_permissions").isEmpty())
                .isTrue();
    }

    @Test
    void malformedPermissionStringsAreDropped() {
        String token = bearer("u-1", "acme", "Interviews:Read", "interviews", "interviews:read");
        assertEnvelope(call("GET", INTERVIEW, token, null), 404);
    }

    @Test
    void malformedPermissionsAloneAreNoPermissions() {
        assertEnvelope(call("GET", INTERVIEW, bearer("u-1", "acme", "INTERVIEWS:READ", "drop table;"), null), 403);
    }

    @Test
    void aTokenWithoutATenantIs401() {
        String noTenant = DevTokens.mint(
                DevTokens.DEVELOPMENT_SECRET,
                "u-1",
                null,
                List.of("interviews:read"),
                Instant.now().plusSeconds(300));
        assertEnvelope(call("GET", INTERVIEW, "Bearer " + noTenant, null), 401, "authorization");
    }

    @Test
    void aMalformedBodyIs400NamingTheBody() {
        assertEnvelope(
                call("POST", "/api/v1/interviews", bearer("u-1", "acme", "interviews:manage"), "{not json"),
                400,
                "body");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        var envelope = assertEnvelope(
                call("POST", "/api/v1/interviews", bearer("u-1", "acme", "interviews:manage"), """
                        {"id":"not-a-uuid","title":"","duration_seconds":0}"""), 400);
        assertThat(envelope.get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("id", "title", "duration_seconds");
    }

    @Test
    void aMalformedIdInThePathIs400NamingIt() {
        String token = bearer("u-1", "acme", "interviews:read");
        assertEnvelope(
                call("GET", "/api/v1/interviews/a1b2c3d4-e5f6-7g8h-9i0j-k1l2m3n4o5p6", token, null),
                400,
                "interview_id");
    }
}
