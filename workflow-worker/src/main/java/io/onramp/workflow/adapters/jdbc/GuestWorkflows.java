package io.onramp.workflow.adapters.jdbc;

import io.onramp.schemas.GuestTask;
import io.onramp.schemas.GuestTaskGroup;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.GuestWorkflowDeleted;
import io.onramp.schemas.WorkflowStatus;
import io.onramp.workflow.mapping.WorkflowMapping;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The guests' workflows: one row per guest, one per group, one per task, and one per task with data. The guest's row
 * is written only when its version is newer than the stored one, and only then are its groups and tasks rewritten, so
 * a redelivered or older state never wins.
 */
@Repository
class GuestWorkflows {

    private final JdbcClient jdbc;

    GuestWorkflows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(GuestWorkflow workflow) {
        int written = jdbc.sql("""
                        INSERT INTO guest_workflows (tenant_id, guest_id, definition_id, definition_version, status,
                            version, enrolled_at, updated_at)
                        VALUES (:tenant, :guest, :definition, :definitionVersion, :status, :version, :enrolledAt,
                            :updatedAt)
                        ON CONFLICT (tenant_id, guest_id) DO UPDATE SET
                            status = EXCLUDED.status,
                            version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE guest_workflows.version < EXCLUDED.version
                        """)
                .param("tenant", workflow.getTenantId())
                .param("guest", workflow.getGuestId())
                .param("definition", workflow.getDefinitionId())
                .param("definitionVersion", workflow.getDefinitionVersion())
                .param("status", overallStatus(workflow))
                .param("version", workflow.getVersion())
                .param("enrolledAt", Timestamp.from(workflow.getEnrolledAt()))
                .param("updatedAt", Timestamp.from(workflow.getUpdatedAt()))
                .update();
        if (written == 0) {
            return;
        }
        for (int g = 0; g < workflow.getGroups().size(); g++) {
            GuestTaskGroup group = workflow.getGroups().get(g);
            upsertGroup(workflow, group, g);
            for (int t = 0; t < group.getTasks().size(); t++) {
                upsertTask(workflow, group, group.getTasks().get(t), t);
            }
        }
    }

    void delete(GuestWorkflowDeleted deleted) {
        jdbc.sql("DELETE FROM guest_workflows WHERE tenant_id = :tenant AND guest_id = :guest")
                .param("tenant", deleted.getTenantId())
                .param("guest", deleted.getGuestId())
                .update();
    }

    private void upsertGroup(GuestWorkflow workflow, GuestTaskGroup group, int position) {
        jdbc.sql("""
                        INSERT INTO guest_task_groups (tenant_id, guest_id, group_key, position, title, status)
                        VALUES (:tenant, :guest, :key, :position, :title, :status)
                        ON CONFLICT (tenant_id, guest_id, group_key) DO UPDATE SET status = EXCLUDED.status
                        """)
                .param("tenant", workflow.getTenantId())
                .param("guest", workflow.getGuestId())
                .param("key", group.getKey())
                .param("position", position)
                .param("title", group.getTitle())
                .param("status", wire(group.getStatus()))
                .update();
    }

    private void upsertTask(GuestWorkflow workflow, GuestTaskGroup group, GuestTask task, int position) {
        jdbc.sql("""
                        INSERT INTO guest_tasks (tenant_id, guest_id, task_key, group_key, position, title,
                            description, link_text, link_url_path, status, note, updated_at)
                        VALUES (:tenant, :guest, :key, :group, :position, :title, :description, :linkText,
                            :linkUrlPath, :status, :note, :updatedAt)
                        ON CONFLICT (tenant_id, guest_id, task_key) DO UPDATE SET
                            status = EXCLUDED.status,
                            note = EXCLUDED.note,
                            updated_at = EXCLUDED.updated_at
                        """)
                .param("tenant", workflow.getTenantId())
                .param("guest", workflow.getGuestId())
                .param("key", task.getKey())
                .param("group", group.getKey())
                .param("position", position)
                .param("title", task.getTitle())
                .param("description", task.getDescription())
                .param("linkText", task.getLinkText())
                .param("linkUrlPath", task.getLinkUrlPath())
                .param("status", wire(task.getStatus()))
                .param("note", task.getNote())
                .param("updatedAt", timestamp(task.getUpdatedAt()))
                .update();
        if (task.getData() != null) {
            jdbc.sql("""
                            INSERT INTO guest_task_data (tenant_id, guest_id, task_key, responses, updated_at)
                            VALUES (:tenant, :guest, :key, CAST(:responses AS jsonb), :updatedAt)
                            ON CONFLICT (tenant_id, guest_id, task_key) DO UPDATE SET
                                responses = EXCLUDED.responses,
                                updated_at = EXCLUDED.updated_at
                            """)
                    .param("tenant", workflow.getTenantId())
                    .param("guest", workflow.getGuestId())
                    .param("key", task.getKey())
                    .param("responses", task.getData())
                    .param("updatedAt", timestamp(task.getUpdatedAt()))
                    .update();
        }
    }

    /** The workflow's status as the domain derives it from its groups. */
    private static String overallStatus(GuestWorkflow workflow) {
        return WorkflowMapping.workflow(workflow).status().wireName();
    }

    private static String wire(WorkflowStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
