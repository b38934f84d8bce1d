package io.onramp.gateway.command;

import io.onramp.gateway.config.GatewayProperties;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recorded outcomes of commands, across every worker schema that records them, within one tenant. A worker whose
 * schema does not exist yet (it has not started since the database was created) has recorded nothing: it is skipped,
 * so the answer is "pending" rather than an error.
 */
@Repository
class RequestOutcomes {

    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z_]+$");

    private static final Logger log = LoggerFactory.getLogger(RequestOutcomes.class);

    private final JdbcClient jdbc;
    private final List<String> queries;

    RequestOutcomes(JdbcClient jdbc, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.queries = properties.outcomeSchemas().stream()
                .map(RequestOutcomes::checked)
                .map(schema ->
                        "SELECT request_id, outcome, resource_type, resource_id, version, message, errors::text AS"
                                + " errors, completed_at FROM " + schema
                                + ".command_outcomes WHERE request_id = :id AND tenant_id = :tenant")
                .toList();
    }

    Optional<RequestStatus> find(String tenantId, String requestId) {
        for (String query : queries) {
            Optional<RequestStatus> found = find(query, tenantId, requestId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<RequestStatus> find(String query, String tenantId, String requestId) {
        try {
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
        } catch (BadSqlGrammarException e) {
            if (ReadModelSchemas.notCreatedYet(e)) {
                log.debug("Outcome table not created yet: {}", e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String checked(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return schema;
    }
}
