package io.onramp.gateway.interview;

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

    Optional<InterviewView> find(String tenantId, String interviewId) {
        return jdbc.sql("""
                        SELECT interview_id, title, description, duration_seconds, is_default_access_allowed,
                               should_end_interview_after_duration, version, created_by, created_at, updated_at
                        FROM access.interviews
                        WHERE tenant_id = :tenant AND interview_id = :id
                        """)
                .param("tenant", tenantId)
                .param("id", interviewId)
                .query((rs, row) -> new InterviewView(
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
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
