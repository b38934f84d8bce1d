package io.onramp.gateway.interview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the catalogue the access-worker projects into its schema, one tenant at a time. */
@Repository
class InterviewReadModel {

    private final JdbcClient jdbc;

    InterviewReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT interview_id, title, description, duration_seconds, is_default_access_allowed,
                   should_end_interview_after_duration, version, created_by, created_at, updated_at
            FROM access.interviews
            """;

    Optional<InterviewView> find(String tenantId, String interviewId) {
        return jdbc.sql(SELECT + " WHERE tenant_id = :tenant AND interview_id = :id")
                .param("tenant", tenantId)
                .param("id", interviewId)
                .query(InterviewReadModel::view)
                .optional();
    }

    /** The tenant's catalogue, newest first. */
    List<InterviewView> page(String tenantId, int page, int size) {
        return jdbc.sql(
                        SELECT
                                + " WHERE tenant_id = :tenant ORDER BY created_at DESC, interview_id LIMIT :size OFFSET :offset")
                .param("tenant", tenantId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(InterviewReadModel::view)
                .list();
    }

    private static InterviewView view(ResultSet rs, int row) throws SQLException {
        return new InterviewView(
                rs.getString("interview_id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getInt("duration_seconds"),
                new InterviewView.Config(
                        rs.getBoolean("is_default_access_allowed"),
                        rs.getBoolean("should_end_interview_after_duration")),
                rs.getLong("version"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
