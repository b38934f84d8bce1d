package io.onramp.gateway.ops;

import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Operations: {@code ops:*} counts only for the operator organisation, and a replay says exactly what it replays. */
class OpsWebTest extends WebLayerTest {

    private static final String REPLAY = "/api/v1/ops/dead-letters/access-commands-dlt/replay";

    @Autowired
    DeadLetters deadLetters;

    @Test
    void opsPermissionsInATenantsTokenAre403NamingTheOrganisation() {
        String tenant = bearer("u-1", "acme", OpsAccess.READ, OpsAccess.REPLAY);
        assertEnvelope(call("GET", "/api/v1/ops/lag", tenant, null), 403, "organization_id");
        assertEnvelope(call("POST", REPLAY, tenant, "{\"all\":true}"), 403, "organization_id");
        verifyNoInteractions(deadLetters);
    }

    @Test
    void readingIsNotReplaying() {
        String reader = bearer("op-1", "ops", OpsAccess.READ);
        assertEnvelope(call("POST", REPLAY, reader, "{\"all\":true}"), 403);
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | " + REPLAY + " | {} | records",
                "POST | " + REPLAY + " | {\"all\":true,\"records\":[{\"partition\":0,\"offset\":1}]} | records",
                "POST | " + REPLAY + " | {\"records\":[{\"offset\":1}]} | records[0].partition",
                "POST | " + REPLAY + " | {\"records\":[{\"partition\":0,\"offset\":-1}]} | records[0].offset",
                "GET | /api/v1/ops/dead-letters/access-commands-dlt?limit=0 | | limit",
                "GET | /api/v1/ops/dead-letters/access-commands-dlt?from_offset=-1 | | from_offset"
            })
    void anInvalidRequestIs400NamingTheField(String method, String path, String body, String field) {
        String operator = bearer("op-1", "ops", OpsAccess.REPLAY);
        assertEnvelope(call(method, path, operator, body), 400, field);
        verifyNoInteractions(deadLetters);
    }
}
