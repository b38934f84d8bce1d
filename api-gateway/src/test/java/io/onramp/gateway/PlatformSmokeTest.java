package io.onramp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Service;
import io.onramp.devstack.junit.DevstackExtension;
import io.onramp.devstack.junit.DevstackFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.EnumSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every worker starts from its executable jar against the devstack, as the launcher runs it: healthy, exporting
 * Prometheus metrics, with its own PostgreSQL schema migrated and open to the gateway's read-only role.
 */
@ExtendWith(DevstackExtension.class)
class PlatformSmokeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(
            value = Service.class,
            names = {"ACCESS_WORKER", "WORKFLOW_WORKER", "REMINDER_WORKER", "NOTIFICATION_WORKER"})
    void shouldStartHealthyWithMetricsAndItsOwnSchema(Service service, Infrastructure infrastructure) throws Exception {
        var running = DevstackFixture.service(service);

        assertThat(get(running.url() + "/actuator/health")).contains("\"status\":\"UP\"");
        assertThat(get(running.url() + "/actuator/prometheus")).contains("jvm_memory_used_bytes");
        try (var reader = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp_reader", "onramp_reader");
                var rs = reader.createStatement()
                        .executeQuery("SELECT has_schema_privilege('" + schemaOf(service) + "', 'USAGE')")) {
            rs.next();
            assertThat(rs.getBoolean(1))
                    .as("onramp_reader may read schema %s", schemaOf(service))
                    .isTrue();
        }
    }

    private static String schemaOf(Service service) {
        return EnumSet.of(Service.ACCESS_WORKER).contains(service)
                ? "access"
                : service.module().replace("-worker", "");
    }

    private static String get(String url) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
