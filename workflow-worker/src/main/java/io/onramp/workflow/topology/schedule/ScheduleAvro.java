package io.onramp.workflow.topology.schedule;

import io.onramp.schemas.CreateSchedule;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleCandidate;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.ScheduleEventType;
import io.onramp.schemas.ScheduleFeedback;
import io.onramp.schemas.SubmitFeedback;
import io.onramp.workflow.domain.schedule.Candidate;
import io.onramp.workflow.domain.schedule.Feedback;
import io.onramp.workflow.domain.schedule.FeedbackDraft;
import io.onramp.workflow.domain.schedule.ScheduleChange;
import io.onramp.workflow.domain.schedule.ScheduleDraft;
import io.onramp.workflow.domain.schedule.ScheduleStatus;
import io.onramp.workflow.domain.schedule.ScheduleTemplate;
import io.onramp.workflow.domain.schedule.ScheduledInterview;
import java.time.Instant;

/** Maps scheduled interviews between the domain and their Avro records. */
public final class ScheduleAvro {

    public static final String RESOURCE = "schedule";
    public static final String TEMPLATE_RESOURCE = "schedule_template";

    private ScheduleAvro() {}

    static ScheduleDraft draft(CreateSchedule create) {
        return new ScheduleDraft(
                create.getInterviewType(),
                create.getTitle(),
                create.getCandidateId(),
                create.getCandidateName(),
                create.getCandidateEmail(),
                create.getCandidateTimezone(),
                create.getInterviewerIds(),
                create.getScheduledStart(),
                create.getScheduledEnd(),
                create.getTimezone(),
                create.getMeetingProvider(),
                create.getMeetingUrl(),
                create.getLocation(),
                create.getNotes(),
                create.getAllowOverlap());
    }

    static FeedbackDraft draft(SubmitFeedback feedback) {
        return new FeedbackDraft(
                feedback.getOverallRating(),
                feedback.getTechnicalSkills(),
                feedback.getCommunication(),
                feedback.getCulturalFit(),
                feedback.getProblemSolving(),
                feedback.getRecommendation(),
                feedback.getStrengths(),
                feedback.getWeaknesses(),
                feedback.getNotes(),
                feedback.getPrivateNotes(),
                feedback.getCustomRatings());
    }

    public static ScheduledInterview interview(Schedule avro) {
        var candidate = avro.getCandidate();
        return new ScheduledInterview(
                avro.getTenantId(),
                avro.getScheduleId(),
                avro.getInterviewType(),
                avro.getTitle(),
                new Candidate(candidate.getId(), candidate.getName(), candidate.getEmail(), candidate.getTimezone()),
                avro.getOrganizerId(),
                avro.getInterviewerIds(),
                avro.getScheduledStart(),
                avro.getScheduledEnd(),
                avro.getTimezone(),
                avro.getMeetingProvider(),
                avro.getMeetingUrl(),
                avro.getLocation(),
                avro.getNotes(),
                ScheduleStatus.valueOf(avro.getStatus().name()),
                avro.getConfirmedBy(),
                avro.getConfirmedAt(),
                avro.getActualStart(),
                avro.getActualEnd(),
                avro.getCancellationReason(),
                avro.getCancelledAt(),
                avro.getRescheduleCount(),
                avro.getAllowOverlap(),
                avro.getFeedback().stream().map(ScheduleAvro::feedback).toList(),
                avro.getVersion(),
                avro.getCreatedAt(),
                avro.getUpdatedAt());
    }

    static Schedule avro(ScheduledInterview interview) {
        return Schedule.newBuilder()
                .setTenantId(interview.tenantId())
                .setScheduleId(interview.id())
                .setInterviewType(interview.interviewType())
                .setTitle(interview.title())
                .setCandidate(candidate(interview.candidate()))
                .setOrganizerId(interview.organizerId())
                .setInterviewerIds(interview.interviewerIds())
                .setScheduledStart(interview.scheduledStart())
                .setScheduledEnd(interview.scheduledEnd())
                .setTimezone(interview.timezone())
                .setMeetingProvider(interview.meetingProvider())
                .setMeetingUrl(interview.meetingUrl())
                .setLocation(interview.location())
                .setNotes(interview.notes())
                .setStatus(io.onramp.schemas.ScheduleStatus.valueOf(
                        interview.status().name()))
                .setConfirmedBy(interview.confirmedBy())
                .setConfirmedAt(interview.confirmedAt())
                .setActualStart(interview.actualStart())
                .setActualEnd(interview.actualEnd())
                .setCancellationReason(interview.cancellationReason())
                .setCancelledAt(interview.cancelledAt())
                .setRescheduleCount(interview.rescheduleCount())
                .setAllowOverlap(interview.allowOverlap())
                .setFeedback(
                        interview.feedback().stream().map(ScheduleAvro::avro).toList())
                .setVersion(interview.version())
                .setCreatedAt(interview.createdAt())
                .setUpdatedAt(interview.updatedAt())
                .build();
    }

    /** The public event of an accepted change; its id is the interview's and the version's, so it is deterministic. */
    static ScheduleEvent event(ScheduleChange change, String actorId, Instant now) {
        ScheduledInterview interview = change.interview();
        return ScheduleEvent.newBuilder()
                .setEventId(interview.tenantId() + "/" + interview.id() + "/" + interview.version())
                .setTenantId(interview.tenantId())
                .setScheduleId(interview.id())
                .setType(ScheduleEventType.valueOf(change.kind().name()))
                .setStatus(io.onramp.schemas.ScheduleStatus.valueOf(
                        interview.status().name()))
                .setInterviewType(interview.interviewType())
                .setTitle(interview.title())
                .setScheduledStart(interview.scheduledStart())
                .setScheduledEnd(interview.scheduledEnd())
                .setTimezone(interview.timezone())
                .setCandidate(candidate(interview.candidate()))
                .setOrganizerId(interview.organizerId())
                .setInterviewerIds(interview.interviewerIds())
                .setMeetingUrl(interview.meetingUrl())
                .setLocation(interview.location())
                .setRescheduleCount(interview.rescheduleCount())
                .setCancellationReason(interview.cancellationReason())
                .setFeedbackFrom(change.feedbackFrom())
                .setInterviewersWithoutFeedback(interview.interviewersWithoutFeedback())
                .setAllFeedbackSubmitted(interview.allFeedbackSubmitted())
                .setInterviewersAdded(change.joined())
                .setInterviewersRemoved(change.left())
                .setActorId(actorId)
                .setVersion(interview.version())
                .setOccurredAt(now)
                .build();
    }

    static ScheduleTemplate template(io.onramp.schemas.ScheduleTemplate avro) {
        return new ScheduleTemplate(
                avro.getTenantId(),
                avro.getTemplateId(),
                avro.getInterviewType(),
                avro.getDurationMinutes(),
                avro.getTitle(),
                avro.getVersion(),
                avro.getUpdatedAt());
    }

    static io.onramp.schemas.ScheduleTemplate avro(ScheduleTemplate template) {
        return new io.onramp.schemas.ScheduleTemplate(
                template.tenantId(),
                template.id(),
                template.interviewType(),
                template.durationMinutes(),
                template.title(),
                template.version(),
                template.updatedAt());
    }

    private static ScheduleCandidate candidate(Candidate candidate) {
        return new ScheduleCandidate(candidate.id(), candidate.name(), candidate.email(), candidate.timezone());
    }

    private static Feedback feedback(ScheduleFeedback avro) {
        return new Feedback(
                avro.getInterviewerId(),
                avro.getOverallRating(),
                avro.getTechnicalSkills(),
                avro.getCommunication(),
                avro.getCulturalFit(),
                avro.getProblemSolving(),
                avro.getRecommendation(),
                avro.getStrengths(),
                avro.getWeaknesses(),
                avro.getNotes(),
                avro.getPrivateNotes(),
                avro.getCustomRatings(),
                avro.getSubmittedAt());
    }

    private static ScheduleFeedback avro(Feedback feedback) {
        return new ScheduleFeedback(
                feedback.interviewerId(),
                feedback.overallRating(),
                feedback.technicalSkills(),
                feedback.communication(),
                feedback.culturalFit(),
                feedback.problemSolving(),
                feedback.recommendation(),
                feedback.strengths(),
                feedback.weaknesses(),
                feedback.notes(),
                feedback.privateNotes(),
                feedback.customRatings(),
                feedback.submittedAt());
    }
}
