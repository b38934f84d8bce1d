package io.onramp.workflow.domain.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One scheduled interview with its panel, lifecycle and feedback. {@code version} rises with every change. */
public record ScheduledInterview(
        String tenantId,
        String id,
        String interviewType,
        String title,
        Candidate candidate,
        String organizerId,
        List<String> interviewerIds,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timezone,
        String meetingProvider,
        String meetingUrl,
        String location,
        String notes,
        ScheduleStatus status,
        String confirmedBy,
        Instant confirmedAt,
        Instant actualStart,
        Instant actualEnd,
        String cancellationReason,
        Instant cancelledAt,
        int rescheduleCount,
        boolean allowOverlap,
        List<Feedback> feedback,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ScheduledInterview {
        interviewerIds = List.copyOf(interviewerIds);
        feedback = List.copyOf(feedback);
    }

    public Optional<Feedback> feedbackFrom(String interviewerId) {
        return feedback.stream()
                .filter(f -> f.interviewerId().equals(interviewerId))
                .findFirst();
    }

    /** Every interviewer of the panel has given feedback (and there is a panel). */
    public boolean allFeedbackSubmitted() {
        return !interviewerIds.isEmpty() && interviewersWithoutFeedback().isEmpty();
    }

    public List<String> interviewersWithoutFeedback() {
        return interviewerIds.stream().filter(id -> feedbackFrom(id).isEmpty()).toList();
    }

    /** A copy of this interview as a {@link Builder}, for the rules to change and bump. */
    Builder change() {
        return new Builder(this);
    }

    /** The one place a changed interview is assembled: every change raises the version and stamps the time. */
    static final class Builder {
        String interviewType;
        String title;
        Candidate candidate;
        List<String> interviewerIds;
        Instant scheduledStart;
        Instant scheduledEnd;
        String timezone;
        String meetingProvider;
        String meetingUrl;
        String location;
        String notes;
        ScheduleStatus status;
        String confirmedBy;
        Instant confirmedAt;
        Instant actualStart;
        Instant actualEnd;
        String cancellationReason;
        Instant cancelledAt;
        int rescheduleCount;
        boolean allowOverlap;
        List<Feedback> feedback;
        private final ScheduledInterview from;

        private Builder(ScheduledInterview from) {
            this.from = from;
            interviewType = from.interviewType;
            title = from.title;
            candidate = from.candidate;
            interviewerIds = from.interviewerIds;
            scheduledStart = from.scheduledStart;
            scheduledEnd = from.scheduledEnd;
            timezone = from.timezone;
            meetingProvider = from.meetingProvider;
            meetingUrl = from.meetingUrl;
            location = from.location;
            notes = from.notes;
            status = from.status;
            confirmedBy = from.confirmedBy;
            confirmedAt = from.confirmedAt;
            actualStart = from.actualStart;
            actualEnd = from.actualEnd;
            cancellationReason = from.cancellationReason;
            cancelledAt = from.cancelledAt;
            rescheduleCount = from.rescheduleCount;
            allowOverlap = from.allowOverlap;
            feedback = from.feedback;
        }

        ScheduledInterview at(Instant now) {
            return new ScheduledInterview(
                    from.tenantId,
                    from.id,
                    interviewType,
                    title,
                    candidate,
                    from.organizerId,
                    interviewerIds,
                    scheduledStart,
                    scheduledEnd,
                    timezone,
                    meetingProvider,
                    meetingUrl,
                    location,
                    notes,
                    status,
                    confirmedBy,
                    confirmedAt,
                    actualStart,
                    actualEnd,
                    cancellationReason,
                    cancelledAt,
                    rescheduleCount,
                    allowOverlap,
                    feedback,
                    from.version + 1,
                    from.createdAt,
                    now);
        }
    }
}
