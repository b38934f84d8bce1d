package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.DevstackFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema registry stopped under commands (the quick variant of {@code ./onramp chaos}): services that have
 * written and read these records before serve them from the schemas they cached, and the access-worker reads and
 * writes its state without the registry, so interviews are defined and granted as before. (A schema a service has
 * never fetched is a 503 at the gateway and retried by listeners: {@code SchemaRegistryUnavailableTest}.)
 */
class RegistryOutageTest extends GatewayTestSupport {

    private final String tenant = "registry-" + UUID.randomUUID();
    private final String admin = token("u-admin", tenant, "interviews:manage", "access:grant", "access:read");

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldDefineAndGrantWhileTheSchemaRegistryIsDown() {
        grantedInterview("Before", "u-before");
        var infrastructure = DevstackFixture.infrastructure();
        infrastructure.down(Infrastructure.Part.REGISTRY);
        try {
            String interview = grantedInterview("During", "u-during");
            assertThat(jdbc.sql("SELECT count(*) FROM access.access_grants WHERE tenant_id = ? AND interview_id = ?")
                            .params(tenant, interview)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            infrastructure.up(Infrastructure.Part.REGISTRY);
        }
    }

    private String grantedInterview(String title, String user) {
        var created = http.post("/api/v1/interviews", admin, """
                {"title":"%s","duration_seconds":60}""".formatted(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String interview = json(created.body()).get("id").asString();
        var granted = http.post("/api/v1/access", admin, AccessEndToEndTest.body(user, List.of(interview)));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return interview;
    }
}
