package io.onramp.gateway.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the definitions and guest workflows the workflow-worker projects into its schema. */
@Repository
class WorkflowReadModel {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkflowReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param version a version, or null for the latest */
    Optional<WorkflowViews.Definition> definition(String tenantId, String definitionId, Integer version) {
        return jdbc.sql("""
                        SELECT definition_id, version, groups::text AS groups, updated_by, updated_at
                        FROM workflow.workflow_definitions
                        WHERE tenant_id = :tenant AND definition_id = :id
                          AND (CAST(:version AS integer) IS NULL OR version = :version)
                        ORDER BY version DESC LIMIT 1
                        """)
                .param("tenant", tenantId)
                .param("id", definitionId)
                .param("version", version)
                .query((rs, row) -> new WorkflowViews.Definition(
                        rs.getString("definition_id"),
                        rs.getInt("version"),
                        json.readTree(rs.getString("groups")),
                        rs.getString("updated_by"),
                        instant(rs.getTimestamp("updated_at"))))
                .optional();
    }

    /**
     * The tenant's guests, newest enrolment first, each with the first group not complete (one statement: the group
     * is a lateral look-up on its primary key order).
     *
     * @param status a workflow status, or null for any
     * @param definitionId a definition, or null for any
     */
    List<WorkflowViews.GuestSummary> guests(String tenantId, String status, String definitionId, int page, int size) {
        return jdbc.sql("""
                        SELECT w.guest_id, w.definition_id, w.definition_version, w.status, w.version, w.enrolled_at,
                            w.updated_at, g.group_key, g.title AS group_title, g.status AS group_status
                        FROM workflow.guest_workflows w
                        LEFT JOIN LATERAL (
                            SELECT group_key, title, status FROM workflow.guest_task_groups
                            WHERE tenant_id = w.tenant_id AND guest_id = w.guest_id AND status <> 'complete'
                            ORDER BY position LIMIT 1) g ON true
                        WHERE w.tenant_id = :tenant
                          AND (CAST(:status AS text) IS NULL OR w.status = :status)
                          AND (CAST(:definition AS text) IS NULL OR w.definition_id = :definition)
                        ORDER BY w.enrolled_at DESC, w.guest_id
                        LIMIT :size OFFSET :offset
                        """)
                .param("tenant", tenantId)
                .param("status", status)
                .param("definition", definitionId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new WorkflowViews.GuestSummary(
                        rs.getString("guest_id"),
                        rs.getString("definition_id"),
                        rs.getInt("definition_version"),
                        rs.getString("status"),
                        rs.getString("group_key") == null
                                ? null
                                : new WorkflowViews.CurrentGroup(
                                        rs.getString("group_key"),
                                        rs.getString("group_title"),
                                        rs.getString("group_status")),
                        rs.getLong("version"),
                        instant(rs.getTimestamp("enrolled_at")),
                        instant(rs.getTimestamp("updated_at"))))
                .list();
    }

    /** The guest's owner check needs only to know the guest is enrolled in the tenant. */
    boolean enrolled(String tenantId, String guestId) {
        return jdbc.sql("SELECT 1 FROM workflow.guest_workflows WHERE tenant_id = :tenant AND guest_id = :guest")
                .param("tenant", tenantId)
                .param("guest", guestId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * The guest's workflow with its groups and tasks in order, read in one statement: one consistent snapshot, and one
     * pooled connection per request (a query nested in another's row mapping would hold two, and deadlock the pool
     * under load).
     */
    Optional<WorkflowViews.Dashboard> dashboard(String tenantId, String guestId) {
        Map<String, GroupRow> groups = new LinkedHashMap<>();
        List<WorkflowViews.Dashboard> header = new ArrayList<>(1);
        jdbc.sql("""
                        SELECT w.definition_id, w.definition_version, w.status AS workflow_status, w.version,
                            w.enrolled_at, w.updated_at, g.group_key, g.title AS group_title, g.status AS group_status,
                            t.task_key, t.title, t.description, t.status, t.link_text, t.link_url_path, t.note
                        FROM workflow.guest_workflows w
                        JOIN workflow.guest_task_groups g ON g.tenant_id = w.tenant_id AND g.guest_id = w.guest_id
                        JOIN workflow.guest_tasks t
                          ON t.tenant_id = g.tenant_id AND t.guest_id = g.guest_id AND t.group_key = g.group_key
                        WHERE w.tenant_id = :tenant AND w.guest_id = :guest
                        ORDER BY g.position, t.position
                        """).param("tenant", tenantId).param("guest", guestId).query((ResultSet rs) -> {
            if (header.isEmpty()) {
                header.add(new WorkflowViews.Dashboard(
                        guestId,
                        rs.getString("definition_id"),
                        rs.getInt("definition_version"),
                        rs.getString("workflow_status"),
                        rs.getLong("version"),
                        instant(rs.getTimestamp("enrolled_at")),
                        instant(rs.getTimestamp("updated_at")),
                        List.of()));
            }
            String key = rs.getString("group_key");
            GroupRow group = groups.get(key);
            if (group == null) {
                group = new GroupRow(key, rs.getString("group_title"), rs.getString("group_status"), new ArrayList<>());
                groups.put(key, group);
            }
            group.tasks().add(task(rs));
        });
        List<WorkflowViews.Group> ordered = groups.values().stream()
                .map(group -> new WorkflowViews.Group(group.id(), group.title(), group.status(), group.tasks()))
                .toList();
        return header.stream().findFirst().map(dashboard -> dashboard.withGroups(ordered));
    }

    Optional<WorkflowViews.TaskData> taskData(String tenantId, String guestId, String taskId) {
        return jdbc.sql("""
                        SELECT t.status, d.responses::text AS responses, d.updated_at
                        FROM workflow.guest_tasks t
                        LEFT JOIN workflow.guest_task_data d
                          ON d.tenant_id = t.tenant_id AND d.guest_id = t.guest_id AND d.task_key = t.task_key
                        WHERE t.tenant_id = :tenant AND t.guest_id = :guest AND t.task_key = :task
                        """)
                .param("tenant", tenantId)
                .param("guest", guestId)
                .param("task", taskId)
                .query((rs, row) -> new WorkflowViews.TaskData(
                        guestId,
                        taskId,
                        rs.getString("status"),
                        rs.getString("responses") == null ? null : json.readTree(rs.getString("responses")),
                        instant(rs.getTimestamp("updated_at"))))
                .optional();
    }

    private record GroupRow(String id, String title, String status, List<WorkflowViews.Task> tasks) {}

    private static WorkflowViews.Task task(ResultSet rs) throws SQLException {
        return new WorkflowViews.Task(
                rs.getString("task_key"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("status"),
                rs.getString("link_text"),
                rs.getString("link_url_path"),
                rs.getString("note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
