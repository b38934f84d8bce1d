package io.onramp.gateway.command;

import io.onramp.gateway.config.GatewayProperties;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded outcomes of commands, across every worker schema that records them, within one tenant. */
@Repository
class RequestOutcomes {

    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z_]+$");

    private final JdbcClient jdbc;
    private final String query;

    RequestOutcomes(JdbcClient jdbc, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.query = properties.outcomeSchemas().stream()
                .map(RequestOutcomes::checked)
                .map(schema ->
                        "SELECT request_id, outcome, resource_type, resource_id, version, message, errors::text AS"
                                + " errors, completed_at FROM " + schema
                                + ".command_outcomes WHERE request_id = :id AND"
                                + " tenant_id = :tenant")
                .collect(Collectors.joining(" UNION ALL "));
    }

    Optional<RequestStatus> find(String tenantId, String requestId) {
        return jdbc.sql(query)
                .param("id", requestId)
                .param("tenant", tenantId)
                .query((rs, row) -> RequestStatus.completed(
                        rs.getString("request_id"),
                        rs.getString("outcome"),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        rs.getString("message"),
                        rs.getString("errors"),
                        rs.getTimestamp("completed_at").toInstant()))
                .optional();
    }

    private static String checked(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return schema;
    }
}
