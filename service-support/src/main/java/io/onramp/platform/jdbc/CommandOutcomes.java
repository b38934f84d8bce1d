package io.onramp.platform.jdbc;

import io.onramp.schemas.CommandReply;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of every command this worker decided, kept so that a client whose request outlived the gateway's wait
 * can fetch it later ({@code GET /api/v1/requests/{id}}). Recorded once per request id. Each worker keeps the table
 * in its own schema and registers this class as a bean.
 */
public class CommandOutcomes {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CommandOutcomes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(CommandReply reply) {
        jdbc.sql("""
                        INSERT INTO command_outcomes (request_id, tenant_id, outcome, resource_type, resource_id,
                            version, message, errors)
                        VALUES (:requestId, :tenant, :outcome, :resourceType, :resourceId, :version, :message,
                            CAST(:errors AS jsonb))
                        ON CONFLICT (request_id) DO NOTHING
                        """)
                .param("requestId", reply.getRequestId())
                .param("tenant", reply.getTenantId())
                .param("outcome", reply.getOutcome().name())
                .param("resourceType", reply.getResourceType())
                .param("resourceId", reply.getResourceId())
                .param("version", reply.getVersion())
                .param("message", reply.getMessage())
                .param("errors", errorsJson(reply))
                .update();
    }

    private String errorsJson(CommandReply reply) {
        return json.writeValueAsString(reply.getErrors().stream()
                .map(error -> Map.of("field", error.getField(), "error", error.getError()))
                .toList());
    }
}
