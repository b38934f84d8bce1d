package io.onramp.workflow.adapters.jdbc;

import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowGroupDefinition;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Every version of every definition, kept as the JSON the API serves. A version, once written, never changes. */
@Repository
class DefinitionVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DefinitionVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(WorkflowDefinition definition) {
        jdbc.sql("""
                        INSERT INTO workflow_definitions (tenant_id, definition_id, version, groups, updated_by,
                            updated_at)
                        VALUES (:tenant, :id, :version, CAST(:groups AS jsonb), :updatedBy, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .param("tenant", definition.getTenantId())
                .param("id", definition.getDefinitionId())
                .param("version", definition.getVersion())
                .param("groups", json.writeValueAsString(groups(definition.getGroups())))
                .param("updatedBy", definition.getUpdatedBy())
                .param("updatedAt", Timestamp.from(definition.getUpdatedAt()))
                .update();
    }

    /** The groups in the API's own shape (snake_case, as {@code PUT /workflow-definitions/{id}} takes them). */
    private static List<Map<String, Object>> groups(List<WorkflowGroupDefinition> groups) {
        return groups.stream()
                .map(group -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("key", group.getKey());
                    out.put("title", group.getTitle());
                    out.put(
                            "tasks",
                            group.getTasks().stream()
                                    .map(task -> {
                                        Map<String, Object> t = new LinkedHashMap<>();
                                        t.put("key", task.getKey());
                                        t.put("title", task.getTitle());
                                        t.put("description", task.getDescription());
                                        t.put("link_text", task.getLinkText());
                                        t.put("link_url_path", task.getLinkUrlPath());
                                        t.put("completes_on", task.getCompletesOn());
                                        return t;
                                    })
                                    .toList());
                    return out;
                })
                .toList();
    }
}
