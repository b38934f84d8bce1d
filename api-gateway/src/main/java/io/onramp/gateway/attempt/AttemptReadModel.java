package io.onramp.gateway.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the attempts the access-worker projects into its schema; soft-deleted attempts are never returned. */
@Repository
class AttemptReadModel {

    private static final String COLUMNS = "attempt_id, interview_id, user_id, start_datetime, end_datetime,"
            + " scheduled_end_datetime, status, version";

    private final JdbcClient jdbc;

    AttemptReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AttemptView> find(String tenantId, String attemptId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access.attempts"
                        + " WHERE tenant_id = :tenant AND attempt_id = :id AND NOT deleted")
                .param("tenant", tenantId)
                .param("id", attemptId)
                .query(AttemptReadModel::view)
                .optional();
    }

    /** @param userId only this user's attempts, or every user's when null */
    List<AttemptView> list(String tenantId, String userId, String interviewId, String status, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access.attempts"
                        + " WHERE tenant_id = :tenant AND NOT deleted"
                        + " AND (CAST(:user AS text) IS NULL OR user_id = :user)"
                        + " AND (CAST(:interview AS text) IS NULL OR interview_id = :interview)"
                        + " AND (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY start_datetime DESC, attempt_id LIMIT :size OFFSET :offset")
                .param("tenant", tenantId)
                .param("user", userId)
                .param("interview", interviewId)
                .param("status", status)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AttemptReadModel::view)
                .list();
    }

    private static AttemptView view(ResultSet rs, int row) throws SQLException {
        return new AttemptView(
                rs.getString("attempt_id"),
                rs.getString("interview_id"),
                rs.getString("user_id"),
                instant(rs.getTimestamp("start_datetime")),
                instant(rs.getTimestamp("end_datetime")),
                instant(rs.getTimestamp("scheduled_end_datetime")),
                rs.getString("status"),
                rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
