package io.onramp.gateway.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the scheduled interviews the workflow-worker projects into its schema. */
@Repository
class ScheduleReadModel {

    private static final String SELECT = """
            SELECT s.*,
                (SELECT coalesce(array_agg(i.user_id ORDER BY i.position), '{}') FROM workflow.schedule_interviewers i
                  WHERE i.tenant_id = s.tenant_id AND i.schedule_id = s.schedule_id) AS interviewer_ids,
                (SELECT count(*) FROM workflow.schedule_feedback f
                  WHERE f.tenant_id = s.tenant_id AND f.schedule_id = s.schedule_id) AS feedback_count
            FROM workflow.schedules s
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScheduleReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Schedule> find(String tenantId, String scheduleId) {
        return jdbc.sql(SELECT + " WHERE s.tenant_id = :tenant AND s.schedule_id = :id")
                .param("tenant", tenantId)
                .param("id", scheduleId)
                .query(ScheduleReadModel::row)
                .optional();
    }

    /**
     * @param involving only interviews this user organises, sits on the panel of, or is the candidate of (null: all)
     * @param upcomingAfter only interviews still ahead (scheduled, confirmed, rescheduled) starting after this instant
     */
    List<Schedule> list(
            String tenantId,
            String involving,
            String interviewer,
            String status,
            Instant from,
            Instant to,
            Instant upcomingAfter,
            int page,
            int size) {
        return jdbc.sql(SELECT + """
                         WHERE s.tenant_id = :tenant
                          AND (CAST(:involving AS text) IS NULL OR s.organizer_id = :involving
                               OR s.candidate_id = :involving
                               OR EXISTS (SELECT 1 FROM workflow.schedule_interviewers m WHERE m.tenant_id = s.tenant_id
                                          AND m.schedule_id = s.schedule_id AND m.user_id = :involving))
                          AND (CAST(:interviewer AS text) IS NULL
                               OR EXISTS (SELECT 1 FROM workflow.schedule_interviewers m WHERE m.tenant_id = s.tenant_id
                                          AND m.schedule_id = s.schedule_id AND m.user_id = :interviewer))
                          AND (CAST(:status AS text) IS NULL OR s.status = :status)
                          AND (CAST(:from AS timestamptz) IS NULL OR s.scheduled_start >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR s.scheduled_start < :to)
                          AND (CAST(:upcoming AS timestamptz) IS NULL
                               OR (s.scheduled_start > :upcoming
                                   AND s.status IN ('scheduled', 'confirmed', 'rescheduled')))
                        ORDER BY s.scheduled_start, s.schedule_id LIMIT :size OFFSET :offset
                        """)
                .param("tenant", tenantId)
                .param("involving", involving)
                .param("interviewer", interviewer)
                .param("status", status)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .param("upcoming", timestamp(upcomingAfter))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ScheduleReadModel::row)
                .list();
    }

    /** A scheduling template of the tenant. */
    record TemplateView(
            String id, String interviewType, int durationMinutes, String title, long version, Instant updatedAt) {}

    /** @param templateId one template, or every template of the tenant when null */
    List<TemplateView> templates(String tenantId, String templateId) {
        return jdbc.sql("""
                        SELECT * FROM workflow.schedule_templates
                        WHERE tenant_id = :tenant AND (CAST(:id AS text) IS NULL OR template_id = :id)
                        ORDER BY template_id
                        """)
                .param("tenant", tenantId)
                .param("id", templateId)
                .query((rs, row) -> new TemplateView(
                        rs.getString("template_id"),
                        rs.getString("interview_type"),
                        rs.getInt("duration_minutes"),
                        rs.getString("title"),
                        rs.getLong("version"),
                        instant(rs.getTimestamp("updated_at"))))
                .list();
    }

    List<FeedbackView> feedback(String tenantId, String scheduleId, boolean withPrivateNotes) {
        return jdbc.sql("""
                        SELECT * FROM workflow.schedule_feedback WHERE tenant_id = :tenant AND schedule_id = :id
                        ORDER BY submitted_at, interviewer_id
                        """)
                .param("tenant", tenantId)
                .param("id", scheduleId)
                .query((rs, row) -> new FeedbackView(
                        rs.getString("interviewer_id"),
                        rs.getInt("overall_rating"),
                        integer(rs, "technical_skills"),
                        integer(rs, "communication"),
                        integer(rs, "cultural_fit"),
                        integer(rs, "problem_solving"),
                        rs.getString("recommendation"),
                        rs.getString("strengths"),
                        rs.getString("weaknesses"),
                        rs.getString("notes"),
                        withPrivateNotes ? rs.getString("private_notes") : null,
                        customRatings(rs.getString("custom_ratings")),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    /** One interviewer's feedback; {@code private_notes} only for holders of {@code schedules:read_all}. */
    record FeedbackView(
            String interviewerId,
            int overallRating,
            Integer technicalSkills,
            Integer communication,
            Integer culturalFit,
            Integer problemSolving,
            String recommendation,
            String strengths,
            String weaknesses,
            String notes,
            String privateNotes,
            Map<String, Integer> customRatings,
            Instant submittedAt) {}

    private Map<String, Integer> customRatings(String text) {
        return json.readValue(text, json.getTypeFactory().constructMapType(Map.class, String.class, Integer.class));
    }

    private static Schedule row(ResultSet rs, int row) throws SQLException {
        Array panel = rs.getArray("interviewer_ids");
        return new Schedule(
                rs.getString("schedule_id"),
                rs.getString("interview_type"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getLong("version"),
                new Schedule.Candidate(
                        rs.getString("candidate_id"),
                        rs.getString("candidate_name"),
                        rs.getString("candidate_email"),
                        rs.getString("candidate_timezone")),
                rs.getString("organizer_id"),
                Arrays.asList((String[]) panel.getArray()),
                instant(rs.getTimestamp("scheduled_start")),
                instant(rs.getTimestamp("scheduled_end")),
                rs.getString("timezone"),
                rs.getString("meeting_provider"),
                rs.getString("meeting_url"),
                rs.getString("location"),
                rs.getString("notes"),
                rs.getString("confirmed_by"),
                instant(rs.getTimestamp("confirmed_at")),
                instant(rs.getTimestamp("actual_start")),
                instant(rs.getTimestamp("actual_end")),
                rs.getString("cancellation_reason"),
                instant(rs.getTimestamp("cancelled_at")),
                rs.getInt("reschedule_count"),
                rs.getBoolean("allow_overlap"),
                rs.getInt("feedback_count"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
