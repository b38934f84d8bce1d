package io.onramp.access.adapters.jdbc;

import io.onramp.schemas.Attempt;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attempts' read model. Writes are idempotent and never let an older version win. */
@Repository
public class Attempts {

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Attempt attempt) {
        jdbc.sql("""
                        INSERT INTO attempts (tenant_id, attempt_id, interview_id, user_id, status, start_datetime,
                            scheduled_end_datetime, end_datetime, deleted, version, updated_at)
                        VALUES (:tenant, :id, :interview, :user, :status, :start, :scheduledEnd, :end, :deleted,
                            :version, :updatedAt)
                        ON CONFLICT (tenant_id, attempt_id) DO UPDATE SET
                            status = EXCLUDED.status,
                            end_datetime = EXCLUDED.end_datetime,
                            deleted = EXCLUDED.deleted,
                            version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE attempts.version < EXCLUDED.version
                        """)
                .param("tenant", attempt.getTenantId())
                .param("id", attempt.getAttemptId())
                .param("interview", attempt.getInterviewId())
                .param("user", attempt.getUserId())
                .param("status", attempt.getStatus().name().toLowerCase(Locale.ROOT))
                .param("start", timestamp(attempt.getStartDatetime()))
                .param("scheduledEnd", timestamp(attempt.getScheduledEndDatetime()))
                .param("end", timestamp(attempt.getEndDatetime()))
                .param("deleted", attempt.getDeleted())
                .param("version", attempt.getVersion())
                .param("updatedAt", timestamp(attempt.getUpdatedAt()))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
