package io.onramp.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;

class RequestsWebTest extends WebLayerTest {

    @Test
    void aRequestNobodyRecordedAnOutcomeForIsPending() {
        var result = call("GET", "/api/v1/requests/r-42", bearer("u-1", "acme", "interviews:read"), null);

        assertThat(result).hasStatusOk();
        assertThat(json(result).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void askingNeedsAToken() {
        assertEnvelope(call("GET", "/api/v1/requests/r-42", null, null), 401, "authorization");
    }
}
