package io.onramp.workflow.domain.schedule;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scheduled interviews (DESIGN.md §7): validation and sanitising, the lifecycle
 * {@code scheduled→confirmed→in_progress→completed} with {@code scheduled|rescheduled→in_progress},
 * {@code rescheduled→confirmed}, {@code cancelled} from any non-final status, {@code no_show} from
 * {@code confirmed|in_progress}, {@code rescheduled} from any non-final status; optimistic locking on the version a
 * command expects; panels without double bookings; one feedback per panel interviewer.
 */
public final class ScheduleRules {

    public static final Set<String> INTERVIEW_TYPES = Set.of(
            "phone",
            "video",
            "in_person",
            "technical",
            "panel",
            "assessment",
            "final",
            "culture_fit",
            "case_study",
            "behavioral");
    public static final Set<String> MEETING_PROVIDERS = Set.of("zoom", "teams", "meet", "webex", "custom");
    public static final Set<String> RECOMMENDATIONS = Set.of("strong_yes", "yes", "maybe", "no", "strong_no");

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_URL = 2_000;
    public static final int MAX_PANEL = 20;
    public static final int MAX_CUSTOM_RATINGS = 20;
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}$");
    static final Pattern RATING_KEY = Pattern.compile("^[a-z0-9_]{1,40}$");
    static final Pattern TEMPLATE_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    /** The lifecycle actions and the statuses each may start from. */
    private static final Map<Action, Set<ScheduleStatus>> FROM = Map.of(
            Action.CONFIRM, EnumSet.of(ScheduleStatus.SCHEDULED, ScheduleStatus.RESCHEDULED),
            Action.START, EnumSet.of(ScheduleStatus.SCHEDULED, ScheduleStatus.CONFIRMED, ScheduleStatus.RESCHEDULED),
            Action.COMPLETE, EnumSet.of(ScheduleStatus.IN_PROGRESS),
            Action.CANCEL,
                    EnumSet.of(
                            ScheduleStatus.SCHEDULED,
                            ScheduleStatus.CONFIRMED,
                            ScheduleStatus.IN_PROGRESS,
                            ScheduleStatus.RESCHEDULED),
            Action.NO_SHOW, EnumSet.of(ScheduleStatus.CONFIRMED, ScheduleStatus.IN_PROGRESS));

    public enum Action {
        CONFIRM,
        START,
        COMPLETE,
        CANCEL,
        NO_SHOW;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private ScheduleRules() {}

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

    /** Whether {@code action} may move an interview that is {@code status}. */
    public static boolean allowed(Action action, ScheduleStatus status) {
        return FROM.get(action).contains(status);
    }

    public static Decision<ScheduleChange> create(
            String tenantId,
            String scheduleId,
            String organizerId,
            ScheduleDraft draft,
            Optional<ScheduledInterview> existing,
            Bookings bookings,
            Instant now) {
        if (existing.isPresent()) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT, "Scheduled interview already exists", "id", "Already scheduled");
        }
        List<Violation> violations = new ArrayList<>();
        String type = oneOf(violations, "interview_type", draft.interviewType(), INTERVIEW_TYPES);
        String title = plain(violations, "title", draft.title(), MAX_TITLE, true);
        String candidateId = userId(violations, "candidate.id", draft.candidateId());
        String candidateName = plain(violations, "candidate.name", draft.candidateName(), MAX_TITLE, true);
        String email = email(violations, draft.candidateEmail());
        String candidateZone = zone(violations, "candidate.timezone", draft.candidateTimezone());
        String zone = zone(violations, "timezone", draft.timezone());
        times(violations, draft.scheduledStart(), draft.scheduledEnd());
        String provider = oneOf(violations, "meeting_provider", draft.meetingProvider(), MEETING_PROVIDERS);
        String url = meetingUrl(violations, draft.meetingUrl());
        String location = plain(violations, "location", draft.location(), MAX_SHORT_TEXT, false);
        String notes = notes(violations, "notes", draft.notes());
        List<String> panel = panel(violations, draft.interviewerIds());
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        if (!draft.allowOverlap()) {
            var conflict = conflicts(scheduleId, panel, draft.scheduledStart(), draft.scheduledEnd(), bookings);
            if (conflict.isPresent()) {
                return conflict.get();
            }
        }
        var interview = new ScheduledInterview(
                tenantId,
                scheduleId,
                type,
                title,
                new Candidate(candidateId, candidateName, email, candidateZone),
                organizerId,
                panel,
                draft.scheduledStart(),
                draft.scheduledEnd(),
                zone,
                provider,
                url,
                location,
                notes,
                ScheduleStatus.SCHEDULED,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                draft.allowOverlap(),
                List.of(),
                1,
                now,
                now);
        return accepted(interview, ScheduleChange.Kind.SCHEDULED, null);
    }

    /** Confirms, starts, completes, cancels (with a reason) or marks a no-show. */
    public static Decision<ScheduleChange> transition(
            Optional<ScheduledInterview> existing,
            Long expectedVersion,
            Action action,
            String reason,
            String actorId,
            Instant now) {
        var refused = refusal(existing, expectedVersion);
        if (refused.isPresent()) {
            return refused.get();
        }
        ScheduledInterview interview = existing.orElseThrow();
        if (!allowed(action, interview.status())) {
            return illegal(interview, action.wireName());
        }
        String cancellationReason = null;
        if (action == Action.CANCEL) {
            List<Violation> violations = new ArrayList<>();
            cancellationReason = plain(violations, "reason", reason, MAX_SHORT_TEXT, false);
            if (!violations.isEmpty()) {
                return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
            }
        }
        var next = interview.change();
        ScheduleChange.Kind kind;
        switch (action) {
            case CONFIRM -> {
                next.status = ScheduleStatus.CONFIRMED;
                next.confirmedBy = actorId;
                next.confirmedAt = now;
                kind = ScheduleChange.Kind.CONFIRMED;
            }
            case START -> {
                next.status = ScheduleStatus.IN_PROGRESS;
                next.actualStart = now;
                kind = ScheduleChange.Kind.STARTED;
            }
            case COMPLETE -> {
                next.status = ScheduleStatus.COMPLETED;
                next.actualEnd = now;
                kind = ScheduleChange.Kind.COMPLETED;
            }
            case CANCEL -> {
                next.status = ScheduleStatus.CANCELLED;
                next.cancellationReason = cancellationReason;
                next.cancelledAt = now;
                kind = ScheduleChange.Kind.CANCELLED;
            }
            default -> {
                next.status = ScheduleStatus.NO_SHOW;
                kind = ScheduleChange.Kind.NO_SHOW;
            }
        }
        return accepted(next.at(now), kind, null);
    }

    /** New times for a non-final interview: {@code rescheduled}, one more reschedule, the panel checked again. */
    public static Decision<ScheduleChange> reschedule(
            Optional<ScheduledInterview> existing,
            Long expectedVersion,
            Instant start,
            Instant end,
            Bookings bookings,
            Instant now) {
        var refused = refusal(existing, expectedVersion);
        if (refused.isPresent()) {
            return refused.get();
        }
        ScheduledInterview interview = existing.orElseThrow();
        if (interview.status().isFinal()) {
            return illegal(interview, "reschedule");
        }
        List<Violation> violations = new ArrayList<>();
        times(violations, start, end);
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        if (!interview.allowOverlap()) {
            var conflict = conflicts(interview.id(), interview.interviewerIds(), start, end, bookings);
            if (conflict.isPresent()) {
                return conflict.get();
            }
        }
        var next = interview.change();
        next.status = ScheduleStatus.RESCHEDULED;
        next.scheduledStart = start;
        next.scheduledEnd = end;
        next.rescheduleCount = interview.rescheduleCount() + 1;
        return accepted(next.at(now), ScheduleChange.Kind.RESCHEDULED, null);
    }

    /** Adds an interviewer (checked for double bookings unless overlap is allowed) or removes one. */
    public static Decision<ScheduleChange> changePanel(
            Optional<ScheduledInterview> existing,
            Long expectedVersion,
            String userId,
            boolean add,
            boolean allowOverlap,
            Bookings bookings,
            Instant now) {
        var refused = refusal(existing, expectedVersion);
        if (refused.isPresent()) {
            return refused.get();
        }
        ScheduledInterview interview = existing.orElseThrow();
        if (interview.status().isFinal()) {
            return illegal(interview, add ? "add an interviewer" : "remove an interviewer");
        }
        List<String> panel = new ArrayList<>(interview.interviewerIds());
        if (add) {
            if (!USER_ID.matcher(userId).matches()) {
                return Decision.invalid(new Violation("user_id", "must be a user id"));
            }
            if (panel.contains(userId)) {
                return Decision.rejected(
                        Decision.Reason.CONFLICT, "Already on the panel", "user_id", userId + " is on the panel");
            }
            if (panel.size() >= MAX_PANEL) {
                return Decision.invalid(
                        new Violation("user_id", "a panel holds at most " + MAX_PANEL + " interviewers"));
            }
            if (!allowOverlap && !interview.allowOverlap()) {
                var conflict = conflicts(
                        interview.id(),
                        List.of(userId),
                        interview.scheduledStart(),
                        interview.scheduledEnd(),
                        bookings);
                if (conflict.isPresent()) {
                    return conflict.get();
                }
            }
            panel.add(userId);
        } else if (!panel.remove(userId)) {
            return Decision.rejected(
                    Decision.Reason.NOT_FOUND, "Not on the panel", "user_id", userId + " is not on the panel");
        }
        var next = interview.change();
        next.interviewerIds = panel;
        List<String> changed = List.of(userId);
        return new Decision.Accepted<>(new ScheduleChange(
                next.at(now),
                ScheduleChange.Kind.PANEL_CHANGED,
                null,
                add ? changed : List.of(),
                add ? List.of() : changed));
    }

    /** One feedback per panel interviewer, once the interview is in progress or completed. */
    public static Decision<ScheduleChange> submitFeedback(
            Optional<ScheduledInterview> existing, String interviewerId, FeedbackDraft draft, Instant now) {
        if (existing.isEmpty()) {
            return notFound();
        }
        ScheduledInterview interview = existing.get();
        if (!interview.interviewerIds().contains(interviewerId)) {
            return Decision.rejected(
                    Decision.Reason.NO_ACCESS,
                    "Access denied",
                    "interviewer_id",
                    "Only the interview's panel interviewers may submit feedback");
        }
        if (interview.status() != ScheduleStatus.IN_PROGRESS && interview.status() != ScheduleStatus.COMPLETED) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Scheduled interview is " + interview.status().wireName()
                            + "; feedback opens once it is in_progress or completed",
                    "status",
                    "Current status: " + interview.status().wireName());
        }
        if (interview.feedbackFrom(interviewerId).isPresent()) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Feedback already submitted",
                    "interviewer_id",
                    interviewerId + " has submitted feedback for this interview");
        }
        List<Violation> violations = new ArrayList<>();
        if (draft.overallRating() == null) {
            violations.add(new Violation("overall_rating", "is required"));
        }
        rating(violations, "overall_rating", draft.overallRating());
        rating(violations, "technical_skills", draft.technicalSkills());
        rating(violations, "communication", draft.communication());
        rating(violations, "cultural_fit", draft.culturalFit());
        rating(violations, "problem_solving", draft.problemSolving());
        String recommendation = oneOf(violations, "recommendation", draft.recommendation(), RECOMMENDATIONS);
        String strengths = plain(violations, "strengths", draft.strengths(), MAX_TEXT, false);
        String weaknesses = plain(violations, "weaknesses", draft.weaknesses(), MAX_TEXT, false);
        String notes = plain(violations, "notes", draft.notes(), MAX_TEXT, false);
        String privateNotes = plain(violations, "private_notes", draft.privateNotes(), MAX_TEXT, false);
        Map<String, Integer> custom = customRatings(violations, draft.customRatings());
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        var feedback = new Feedback(
                interviewerId,
                draft.overallRating(),
                draft.technicalSkills(),
                draft.communication(),
                draft.culturalFit(),
                draft.problemSolving(),
                recommendation,
                orEmpty(strengths),
                orEmpty(weaknesses),
                orEmpty(notes),
                orEmpty(privateNotes),
                custom,
                now);
        List<Feedback> all = new ArrayList<>(interview.feedback());
        all.add(feedback);
        var next = interview.change();
        next.feedback = all;
        return accepted(next.at(now), ScheduleChange.Kind.FEEDBACK_SUBMITTED, interviewerId);
    }

    /** The first interviewer of {@code panel} booked elsewhere between {@code start} and {@code end}, as a 409. */
    static Optional<Decision<ScheduleChange>> conflicts(
            String scheduleId, List<String> panel, Instant start, Instant end, Bookings bookings) {
        for (String interviewer : panel) {
            for (Booking booking : bookings.of(interviewer)) {
                if (!booking.scheduleId().equals(scheduleId) && booking.overlaps(start, end)) {
                    return Optional.of(Decision.rejected(
                            Decision.Reason.CONFLICT,
                            "Interviewer " + interviewer + " is already booked at that time",
                            "interviewer_ids",
                            interviewer + " is on interview " + booking.scheduleId() + " from " + booking.start()
                                    + " to " + booking.end()));
                }
            }
        }
        return Optional.empty();
    }

    /** Why a command cannot apply: no such interview (404), or it is at another version than expected (409). */
    private static Optional<Decision<ScheduleChange>> refusal(
            Optional<ScheduledInterview> existing, Long expectedVersion) {
        if (existing.isEmpty()) {
            return Optional.of(notFound());
        }
        long version = existing.get().version();
        if (expectedVersion != null && expectedVersion != version) {
            return Optional.of(Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Version mismatch: the interview is at version " + version,
                    "If-Match",
                    "expected version " + expectedVersion + ", current version " + version));
        }
        return Optional.empty();
    }

    private static <T> Decision<T> illegal(ScheduledInterview interview, String action) {
        return Decision.rejected(
                Decision.Reason.CONFLICT,
                "Scheduled interview is " + interview.status().wireName() + "; it cannot " + action,
                "status",
                "Current status: " + interview.status().wireName());
    }

    private static <T> Decision<T> notFound() {
        return Decision.rejected(
                Decision.Reason.NOT_FOUND, "Scheduled interview not found", "id", "No such scheduled interview");
    }

    private static Decision<ScheduleChange> accepted(
            ScheduledInterview interview, ScheduleChange.Kind kind, String feedbackFrom) {
        return new Decision.Accepted<>(new ScheduleChange(interview, kind, feedbackFrom));
    }

    private static void times(List<Violation> violations, Instant start, Instant end) {
        if (start == null) {
            violations.add(new Violation("scheduled_start", "is required"));
        }
        if (end == null) {
            violations.add(new Violation("scheduled_end", "is required"));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(new Violation("scheduled_end", "must be after scheduled_start"));
            } else if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
                violations.add(new Violation("scheduled_end", "must be at most 12 hours after scheduled_start"));
            }
        }
    }

    private static String oneOf(List<Violation> violations, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            violations.add(new Violation(field, "must be one of " + String.join(", ", sorted(allowed))));
            return null;
        }
        return value;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String plain(List<Violation> violations, String field, String value, int max, boolean required) {
        String clean = TextSanitizer.plainText(value);
        if (required && (clean == null || clean.isBlank())) {
            violations.add(new Violation(field, value == null || value.isBlank() ? "is required" : "has no text"));
        } else if (clean != null && clean.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static String notes(List<Violation> violations, String field, String value) {
        String clean = TextSanitizer.notes(value);
        if (clean != null && clean.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static String userId(List<Violation> violations, String field, String value) {
        if (value == null || !USER_ID.matcher(value).matches()) {
            violations.add(new Violation(field, "must be a user id"));
            return null;
        }
        return value;
    }

    private static String email(List<Violation> violations, String value) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
            violations.add(new Violation("candidate.email", "must be an email address"));
            return null;
        }
        return value;
    }

    /** An IANA region id ({@code America/Toronto}); offsets and abbreviations are not zones a calendar can follow. */
    static String zone(List<Violation> violations, String field, String value) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
            violations.add(new Violation(field, "must be an IANA time zone such as America/Toronto"));
            return null;
        }
        return value;
    }

    static String meetingUrl(List<Violation> violations, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && value.length() <= MAX_URL) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        violations.add(new Violation("meeting_url", "must be an http(s) URL"));
        return null;
    }

    private static List<String> panel(List<Violation> violations, List<String> interviewerIds) {
        Set<String> panel = new LinkedHashSet<>();
        List<String> ids = interviewerIds == null ? List.of() : interviewerIds;
        if (ids.size() > MAX_PANEL) {
            violations.add(new Violation("interviewer_ids", "a panel holds at most " + MAX_PANEL + " interviewers"));
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !USER_ID.matcher(id).matches()) {
                violations.add(new Violation("interviewer_ids[" + i + "]", "must be a user id"));
            } else {
                panel.add(id);
            }
        }
        return List.copyOf(panel);
    }

    private static void rating(List<Violation> violations, String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            violations.add(new Violation(field, "must be between 1 and 5"));
        }
    }

    private static Map<String, Integer> customRatings(List<Violation> violations, Map<String, Integer> ratings) {
        Map<String, Integer> clean = new LinkedHashMap<>();
        if (ratings == null) {
            return clean;
        }
        if (ratings.size() > MAX_CUSTOM_RATINGS) {
            violations.add(new Violation("custom_ratings", "at most " + MAX_CUSTOM_RATINGS + " ratings"));
        }
        ratings.forEach((key, value) -> {
            if (!RATING_KEY.matcher(key).matches()) {
                violations.add(new Violation("custom_ratings." + key, "names are 1-40 of a-z, 0-9, '_'"));
            } else if (value == null || value < 1 || value > 5) {
                violations.add(new Violation("custom_ratings." + key, "must be between 1 and 5"));
            } else {
                clean.put(key, value);
            }
        });
        return clean;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
