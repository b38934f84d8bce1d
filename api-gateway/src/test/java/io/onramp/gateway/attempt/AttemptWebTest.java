package io.onramp.gateway.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

class AttemptWebTest extends WebLayerTest {

    private static final String INTERVIEW = "89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11";
    private static final String ATTEMPT = "8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";

    @Autowired
    AttemptReadModel attempts;

    @Test
    void startingNeedsInterviewsCreateAndAnInterviewId() {
        String reader = bearer("u-1", "acme", Permissions.INTERVIEWS_READ);
        assertEnvelope(call("POST", "/api/v1/interviews/" + INTERVIEW + "/attempts", reader, null), 403);
        String candidate = bearer("u-1", "acme", Permissions.INTERVIEWS_CREATE);
        assertEnvelope(call("POST", "/api/v1/interviews/not-a-uuid/attempts", candidate, null), 400, "interview_id");
        verifyNoInteractions(commands);
    }

    @Test
    void anotherUsersAttemptIs403AndAMissingOne404() {
        when(attempts.find("acme", ATTEMPT)).thenReturn(Optional.of(attemptOf("u-2")));
        String candidate = bearer("u-1", "acme", Permissions.INTERVIEWS_CREATE, Permissions.INTERVIEWS_DELETE);

        assertEnvelope(call("POST", "/api/v1/attempts/" + ATTEMPT + "/continue", candidate, null), 403, "id");
        assertEnvelope(call("DELETE", "/api/v1/attempts/" + ATTEMPT, candidate, null), 403, "id");
        String missing = "0f0e0d0c-0b0a-4909-8807-060504030201";
        assertEnvelope(call("DELETE", "/api/v1/attempts/" + missing, candidate, null), 404);
        verifyNoInteractions(commands);
    }

    @Test
    void readAllSeesAndChangesAnotherUsersAttempt() {
        when(attempts.find("acme", ATTEMPT)).thenReturn(Optional.of(attemptOf("u-2")));
        String reviewer = bearer("u-1", "acme", Permissions.INTERVIEWS_UPDATE, Permissions.INTERVIEWS_READ_ALL);

        var result = call("PATCH", "/api/v1/attempts/" + ATTEMPT, reviewer, "{\"status\":\"archived\"}");

        assertThat(result).hasStatusOk();
        verify(commands).send(any(), any(), eq("acme/u-2"), any(), any());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PATCH | /api/v1/attempts/" + ATTEMPT + " | {\"status\":\"expired\"} | status",
                "PATCH | /api/v1/attempts/" + ATTEMPT + " | {} | status",
                "PATCH | /api/v1/attempts/x | {\"status\":\"archived\"} | attempt_id",
                "POST | /api/v1/attempts/export | {\"format\":\"xlsx\"} | format",
                "POST | /api/v1/attempts/export | {\"format\":\"csv\",\"interview_id\":\"x\"} | interview_id",
                "GET | /api/v1/attempts?status=done | | status",
                "GET | /api/v1/attempts?interview_id=x | | interview_id",
                "GET | /api/v1/attempts?size=0 | | size"
            })
    void anInvalidRequestIs400NamingTheField(String method, String path, String body, String field) {
        String token = bearer(
                "u-1",
                "acme",
                Permissions.INTERVIEWS_READ,
                Permissions.INTERVIEWS_UPDATE,
                Permissions.INTERVIEWS_EXPORT);
        assertEnvelope(call(method, path, token, body), 400, field);
        verifyNoInteractions(commands);
    }

    private static AttemptView attemptOf(String user) {
        return new AttemptView(ATTEMPT, INTERVIEW, user, Instant.EPOCH, null, null, "in_progress", 1);
    }
}
