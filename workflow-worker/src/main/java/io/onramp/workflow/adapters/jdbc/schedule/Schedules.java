package io.onramp.workflow.adapters.jdbc.schedule;

import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleFeedback;
import io.onramp.schemas.ScheduleTemplate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled interviews, their panels and feedback, and scheduling templates. The interview's row is written only when its version is newer than
 * the stored one, and only then are its panel and feedback rows rewritten, so a redelivered or older state never wins.
 */
@Repository
class Schedules {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Schedules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void upsert(Schedule schedule) {
        var candidate = schedule.getCandidate();
        int written = jdbc.sql("""
                        INSERT INTO schedules (tenant_id, schedule_id, interview_type, title, candidate_id,
                            candidate_name, candidate_email, candidate_timezone, organizer_id, scheduled_start,
                            scheduled_end, timezone, meeting_provider, meeting_url, location, notes, status,
                            confirmed_by, confirmed_at, actual_start, actual_end, cancellation_reason, cancelled_at,
                            reschedule_count, allow_overlap, version, created_at, updated_at)
                        VALUES (:tenant, :id, :type, :title, :candidateId, :candidateName, :candidateEmail,
                            :candidateTimezone, :organizer, :start, :end, :timezone, :provider, :url, :location,
                            :notes, :status, :confirmedBy, :confirmedAt, :actualStart, :actualEnd, :reason,
                            :cancelledAt, :rescheduleCount, :allowOverlap, :version, :createdAt, :updatedAt)
                        ON CONFLICT (tenant_id, schedule_id) DO UPDATE SET
                            interview_type = EXCLUDED.interview_type, title = EXCLUDED.title,
                            scheduled_start = EXCLUDED.scheduled_start, scheduled_end = EXCLUDED.scheduled_end,
                            status = EXCLUDED.status, confirmed_by = EXCLUDED.confirmed_by,
                            confirmed_at = EXCLUDED.confirmed_at, actual_start = EXCLUDED.actual_start,
                            actual_end = EXCLUDED.actual_end, cancellation_reason = EXCLUDED.cancellation_reason,
                            cancelled_at = EXCLUDED.cancelled_at, reschedule_count = EXCLUDED.reschedule_count,
                            version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        WHERE schedules.version < EXCLUDED.version
                        """)
                .param("tenant", schedule.getTenantId())
                .param("id", schedule.getScheduleId())
                .param("type", schedule.getInterviewType())
                .param("title", schedule.getTitle())
                .param("candidateId", candidate.getId())
                .param("candidateName", candidate.getName())
                .param("candidateEmail", candidate.getEmail())
                .param("candidateTimezone", candidate.getTimezone())
                .param("organizer", schedule.getOrganizerId())
                .param("start", timestamp(schedule.getScheduledStart()))
                .param("end", timestamp(schedule.getScheduledEnd()))
                .param("timezone", schedule.getTimezone())
                .param("provider", schedule.getMeetingProvider())
                .param("url", schedule.getMeetingUrl())
                .param("location", schedule.getLocation())
                .param("notes", schedule.getNotes())
                .param("status", schedule.getStatus().name().toLowerCase(Locale.ROOT))
                .param("confirmedBy", schedule.getConfirmedBy())
                .param("confirmedAt", timestamp(schedule.getConfirmedAt()))
                .param("actualStart", timestamp(schedule.getActualStart()))
                .param("actualEnd", timestamp(schedule.getActualEnd()))
                .param("reason", schedule.getCancellationReason())
                .param("cancelledAt", timestamp(schedule.getCancelledAt()))
                .param("rescheduleCount", schedule.getRescheduleCount())
                .param("allowOverlap", schedule.getAllowOverlap())
                .param("version", schedule.getVersion())
                .param("createdAt", timestamp(schedule.getCreatedAt()))
                .param("updatedAt", timestamp(schedule.getUpdatedAt()))
                .update();
        if (written == 0) {
            return;
        }
        replacePanel(schedule);
        schedule.getFeedback().forEach(feedback -> insertFeedback(schedule, feedback));
    }

    void upsert(ScheduleTemplate template) {
        jdbc.sql("""
                        INSERT INTO schedule_templates (tenant_id, template_id, interview_type, duration_minutes, title,
                            version, updated_at)
                        VALUES (:tenant, :id, :type, :duration, :title, :version, :updatedAt)
                        ON CONFLICT (tenant_id, template_id) DO UPDATE SET
                            interview_type = EXCLUDED.interview_type,
                            duration_minutes = EXCLUDED.duration_minutes,
                            title = EXCLUDED.title,
                            version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE schedule_templates.version < EXCLUDED.version
                        """)
                .param("tenant", template.getTenantId())
                .param("id", template.getTemplateId())
                .param("type", template.getInterviewType())
                .param("duration", template.getDurationMinutes())
                .param("title", template.getTitle())
                .param("version", template.getVersion())
                .param("updatedAt", timestamp(template.getUpdatedAt()))
                .update();
    }

    private void replacePanel(Schedule schedule) {
        jdbc.sql("DELETE FROM schedule_interviewers WHERE tenant_id = :tenant AND schedule_id = :id")
                .param("tenant", schedule.getTenantId())
                .param("id", schedule.getScheduleId())
                .update();
        List<String> panel = schedule.getInterviewerIds();
        for (int i = 0; i < panel.size(); i++) {
            jdbc.sql("""
                            INSERT INTO schedule_interviewers (tenant_id, schedule_id, user_id, position)
                            VALUES (:tenant, :id, :user, :position)
                            """)
                    .param("tenant", schedule.getTenantId())
                    .param("id", schedule.getScheduleId())
                    .param("user", panel.get(i))
                    .param("position", i)
                    .update();
        }
    }

    /** Feedback is written once per interviewer and never changes. */
    private void insertFeedback(Schedule schedule, ScheduleFeedback feedback) {
        jdbc.sql("""
                        INSERT INTO schedule_feedback (tenant_id, schedule_id, interviewer_id, overall_rating,
                            technical_skills, communication, cultural_fit, problem_solving, recommendation, strengths,
                            weaknesses, notes, private_notes, custom_ratings, submitted_at)
                        VALUES (:tenant, :id, :interviewer, :overall, :technical, :communication, :culturalFit,
                            :problemSolving, :recommendation, :strengths, :weaknesses, :notes, :privateNotes,
                            CAST(:custom AS jsonb), :submittedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .param("tenant", schedule.getTenantId())
                .param("id", schedule.getScheduleId())
                .param("interviewer", feedback.getInterviewerId())
                .param("overall", feedback.getOverallRating())
                .param("technical", feedback.getTechnicalSkills())
                .param("communication", feedback.getCommunication())
                .param("culturalFit", feedback.getCulturalFit())
                .param("problemSolving", feedback.getProblemSolving())
                .param("recommendation", feedback.getRecommendation())
                .param("strengths", feedback.getStrengths())
                .param("weaknesses", feedback.getWeaknesses())
                .param("notes", feedback.getNotes())
                .param("privateNotes", feedback.getPrivateNotes())
                .param("custom", json.writeValueAsString(feedback.getCustomRatings()))
                .param("submittedAt", timestamp(feedback.getSubmittedAt()))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
