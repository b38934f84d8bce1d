package io.onramp.access.adapters.jdbc;

import io.onramp.schemas.InterviewDefinition;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The interview catalogue's read model. Writes are idempotent and never let an older version win. */
@Repository
public class Interviews {

    private final JdbcClient jdbc;

    Interviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the definition unless the row already holds this version or a newer one (a redelivery). */
    void upsert(InterviewDefinition definition) {
        jdbc.sql("""
                        INSERT INTO interviews (tenant_id, interview_id, title, description, duration_seconds,
                            is_default_access_allowed, should_end_interview_after_duration, version, created_by,
                            created_at, updated_at)
                        VALUES (:tenant, :id, :title, :description, :duration, :defaultAccess, :endsAfterDuration,
                            :version, :createdBy, :createdAt, :updatedAt)
                        ON CONFLICT (tenant_id, interview_id) DO UPDATE SET
                            title = EXCLUDED.title,
                            description = EXCLUDED.description,
                            duration_seconds = EXCLUDED.duration_seconds,
                            is_default_access_allowed = EXCLUDED.is_default_access_allowed,
                            should_end_interview_after_duration = EXCLUDED.should_end_interview_after_duration,
                            version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE interviews.version < EXCLUDED.version
                        """)
                .param("tenant", definition.getTenantId())
                .param("id", definition.getInterviewId())
                .param("title", definition.getTitle())
                .param("description", definition.getDescription())
                .param("duration", definition.getDurationSeconds())
                .param("defaultAccess", definition.getIsDefaultAccessAllowed())
                .param("endsAfterDuration", definition.getShouldEndInterviewAfterDuration())
                .param("version", definition.getVersion())
                .param("createdBy", definition.getCreatedBy())
                .param("createdAt", Timestamp.from(definition.getCreatedAt()))
                .param("updatedAt", Timestamp.from(definition.getUpdatedAt()))
                .update();
    }
}
