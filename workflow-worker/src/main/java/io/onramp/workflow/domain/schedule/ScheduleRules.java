package io.onramp.workflow.domain.schedule;

import static io.onramp.workflow.domain.schedule.ScheduleFields.INTERVIEW_TYPES;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_PANEL;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_SHORT_TEXT;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_TITLE;
import static io.onramp.workflow.domain.schedule.ScheduleFields.MEETING_PROVIDERS;
import static io.onramp.workflow.domain.schedule.ScheduleFields.USER_ID;
import static io.onramp.workflow.domain.schedule.ScheduleFields.email;
import static io.onramp.workflow.domain.schedule.ScheduleFields.meetingUrl;
import static io.onramp.workflow.domain.schedule.ScheduleFields.notes;
import static io.onramp.workflow.domain.schedule.ScheduleFields.oneOf;
import static io.onramp.workflow.domain.schedule.ScheduleFields.panel;
import static io.onramp.workflow.domain.schedule.ScheduleFields.plain;
import static io.onramp.workflow.domain.schedule.ScheduleFields.times;
import static io.onramp.workflow.domain.schedule.ScheduleFields.userId;
import static io.onramp.workflow.domain.schedule.ScheduleFields.zone;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduled interviews (DESIGN.md §7): creation, the lifecycle {@code scheduled→confirmed→in_progress→completed} with
 * {@code scheduled|rescheduled→in_progress}, {@code rescheduled→confirmed}, {@code cancelled} from any non-final
 * status, {@code no_show} from {@code confirmed|in_progress}, {@code rescheduled} from any non-final status; optimistic
 * locking on the version a command expects; panels without double bookings. Fields are checked by
 * {@link ScheduleFields}; templates and feedback have their own rules ({@link ScheduleTemplates},
 * {@link FeedbackRules}).
 */
public final class ScheduleRules {

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

    static <T> Decision<T> notFound() {
        return Decision.rejected(
                Decision.Reason.NOT_FOUND, "Scheduled interview not found", "id", "No such scheduled interview");
    }

    static Decision<ScheduleChange> accepted(
            ScheduledInterview interview, ScheduleChange.Kind kind, String feedbackFrom) {
        return new Decision.Accepted<>(new ScheduleChange(interview, kind, feedbackFrom));
    }
}
