package io.onramp.workflow.domain.schedule;

import static io.onramp.workflow.domain.schedule.ScheduleFields.INTERVIEW_TYPES;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_DURATION;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_TITLE;
import static io.onramp.workflow.domain.schedule.ScheduleFields.oneOf;
import static io.onramp.workflow.domain.schedule.ScheduleFields.plain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Templates a tenant defines per interview type (a default duration and title), and what one fills in a request. */
public final class ScheduleTemplates {

    static final Pattern TEMPLATE_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private ScheduleTemplates() {}

    public static final int MIN_TEMPLATE_MINUTES = 5;

    /** Creates or replaces a template: a known type, 5 minutes to 12 hours, an optional title. */
    public static Decision<ScheduleTemplate> defineTemplate(
            String tenantId,
            String templateId,
            String interviewType,
            Integer durationMinutes,
            String title,
            Optional<ScheduleTemplate> existing,
            Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (!TEMPLATE_ID.matcher(templateId).matches()) {
            violations.add(new Violation("template_id", "must be 1-64 lower-case letters, digits, '_' or '-'"));
        }
        String type = oneOf(violations, "interview_type", interviewType, INTERVIEW_TYPES);
        if (durationMinutes == null
                || durationMinutes < MIN_TEMPLATE_MINUTES
                || durationMinutes > MAX_DURATION.toMinutes()) {
            violations.add(new Violation(
                    "duration_minutes",
                    "must be between " + MIN_TEMPLATE_MINUTES + " and " + MAX_DURATION.toMinutes()));
        }
        String cleanTitle = plain(violations, "title", title, MAX_TITLE, false);
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        long version = existing.map(template -> template.version() + 1).orElse(1L);
        return new Decision.Accepted<>(
                new ScheduleTemplate(tenantId, templateId, type, durationMinutes, cleanTitle, version, now));
    }

    /**
     * What a template fills in a request: its type and title where the request has none, and the end from the start and
     * its duration where the request gives no end.
     */
    public static ScheduleDraft withTemplate(ScheduleDraft draft, ScheduleTemplate template) {
        Instant end = draft.scheduledEnd();
        if (end == null && draft.scheduledStart() != null) {
            end = draft.scheduledStart().plus(Duration.ofMinutes(template.durationMinutes()));
        }
        return new ScheduleDraft(
                draft.interviewType() != null ? draft.interviewType() : template.interviewType(),
                draft.title() != null ? draft.title() : template.title(),
                draft.candidateId(),
                draft.candidateName(),
                draft.candidateEmail(),
                draft.candidateTimezone(),
                draft.interviewerIds(),
                draft.scheduledStart(),
                end,
                draft.timezone(),
                draft.meetingProvider(),
                draft.meetingUrl(),
                draft.location(),
                draft.notes(),
                draft.allowOverlap());
    }
}
