package io.onramp.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.onramp.gateway.command.Replies;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.CommandOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the web layer answers what is not a success, the same for every operation (shown on the bulk grant): a worker's
 * rejection, an undecided command, an unreadable or unacceptable request, an unknown path. Always the envelope.
 */
class EnvelopeWebTest extends WebLayerTest {

    private static final String GRANT =
            "{\"user_id\":\"u-2\",\"interview_ids\":[\"89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11\"]}";
    private static final String ADMIN = bearer("u-1", "acme", Permissions.ACCESS_GRANT, Permissions.ACCESS_READ);

    @ParameterizedTest
    @CsvSource({"REJECTED_INVALID, 400", "REJECTED_NO_ACCESS, 403", "REJECTED_NOT_FOUND, 404", "REJECTED_CONFLICT, 409"
    })
    void aWorkersRejectionIsItsStatusWithTheWorkersFieldErrors(CommandOutcome outcome, int status) {
        when(commands.send(any(), any(), any(), any(), any()))
                .thenThrow(Replies.rejected(outcome, "interview_ids", "no such interview"));

        var envelope = assertEnvelope(call("POST", "/api/v1/access", ADMIN, GRANT), status, "interview_ids");

        assertThat(envelope.get("errors").get(0).get("error").asString()).isEqualTo("no such interview");
    }

    @Test
    void anUndecidedCommandIs202WithWhereToAsk() {
        when(commands.send(any(), any(), any(), any(), any())).thenThrow(Replies.pending("r-42"));

        var result = call("POST", "/api/v1/access", ADMIN, GRANT, "Prefer", "respond-async");

        assertThat(result).hasStatus(202);
        assertThat(result).headers().hasValue("Location", "/api/v1/requests/r-42");
        var body = json(result);
        assertThat(body.get("request_id").asString()).isEqualTo("r-42");
        assertThat(body.get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        assertEnvelope(call("POST", "/api/v1/access", ADMIN, "{\"user_id\":"), 400);
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyOfTheWrongShapeIs400NamingTheField() {
        assertEnvelope(
                call("POST", "/api/v1/access", ADMIN, "{\"user_id\":\"u-2\",\"interview_ids\":\"x\"}"),
                400,
                "interview_ids");
        verifyNoInteractions(commands);
    }

    @Test
    void anotherMediaTypeIs415() {
        var result = mvc.post()
                .uri("/api/v1/access")
                .header("Authorization", ADMIN)
                .contentType("text/plain")
                .content(GRANT)
                .exchange();
        assertEnvelope(result, 415);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownPathIs404AndAnUnmappedMethod405() {
        assertEnvelope(call("GET", "/api/v1/nothing-here", ADMIN, null), 404);
        assertEnvelope(call("PATCH", "/api/v1/access", ADMIN, GRANT), 405);
    }
}
