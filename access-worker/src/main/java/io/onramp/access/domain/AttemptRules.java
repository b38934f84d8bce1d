package io.onramp.access.domain;

import io.onramp.domain.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of attempts (seeds/000): a user may start one only at an interview of their tenant that they hold a grant
 * for, or that allows default access; it starts now and, if the interview ends after its duration, is scheduled to end
 * at start + duration. Only an attempt that has not ended can be continued; completing ends it; archiving is final.
 * An attempt still in progress at its scheduled end expires, ending at that time.
 */
public final class AttemptRules {

    private AttemptRules() {}

    /**
     * @param interview the interview's definition in the tenant's catalogue, if it exists there
     * @param granted whether the user holds a grant for it
     * @param existing an attempt already stored under the same id (a repeated command)
     */
    public static Decision<Attempt> start(
            String tenantId,
            String attemptId,
            String interviewId,
            String userId,
            Optional<InterviewSpec> interview,
            boolean granted,
            Optional<Attempt> existing,
            Instant now) {
        if (interview.isEmpty()) {
            return Decision.rejected(Decision.Reason.NOT_FOUND, "Interview not found", "interview_id", "not found");
        }
        InterviewSpec spec = interview.get();
        if (!granted && !spec.defaultAccessAllowed()) {
            return Decision.rejected(
                    Decision.Reason.NO_ACCESS, "Access denied", "interview_id", "no access to this interview");
        }
        if (existing.isPresent()) {
            return Decision.rejected(Decision.Reason.CONFLICT, "Attempt already exists", "id", "already exists");
        }
        Instant scheduledEnd = spec.endsAfterDuration() ? now.plus(Duration.ofSeconds(spec.durationSeconds())) : null;
        return new Decision.Accepted<>(new Attempt(
                tenantId,
                attemptId,
                interviewId,
                userId,
                Attempt.Status.IN_PROGRESS,
                now,
                scheduledEnd,
                null,
                false,
                1,
                now));
    }

    /** Accepted with the attempt unchanged: continuing resumes, it does not change the attempt. */
    public static Decision<Attempt> resume(Optional<Attempt> attempt, Instant now) {
        if (attempt.isEmpty() || attempt.get().deleted()) {
            return notFound();
        }
        if (attempt.get().endedAt(now)) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT, "Attempt has ended", "status", statusOf(attempt.get(), now));
        }
        return new Decision.Accepted<>(attempt.get());
    }

    public static Decision<Attempt> changeStatus(Optional<Attempt> attempt, Attempt.Status target, Instant now) {
        if (attempt.isEmpty() || attempt.get().deleted()) {
            return notFound();
        }
        Attempt current = attempt.get();
        boolean allowed =
                switch (target) {
                    case COMPLETED -> current.status() == Attempt.Status.IN_PROGRESS;
                    case ARCHIVED -> current.status() != Attempt.Status.ARCHIVED;
                    case IN_PROGRESS, EXPIRED -> false;
                };
        if (!allowed) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Cannot change a " + name(current.status()) + " attempt to " + name(target),
                    "status",
                    "is " + name(current.status()));
        }
        Instant end = current.end() != null ? current.end() : now;
        return new Decision.Accepted<>(current.changed(target, end, false, now));
    }

    /**
     * The attempt's scheduled end has come: still in progress, it expires and ends at its scheduled end (not at the
     * moment this was noticed); otherwise (completed, archived, deleted, or its end not reached) nothing changes.
     */
    public static Optional<Attempt> expire(Attempt attempt, Instant now) {
        if (attempt.status() != Attempt.Status.IN_PROGRESS
                || attempt.deleted()
                || attempt.scheduledEnd() == null
                || now.isBefore(attempt.scheduledEnd())) {
            return Optional.empty();
        }
        return Optional.of(attempt.changed(Attempt.Status.EXPIRED, attempt.scheduledEnd(), false, now));
    }

    /** Whether the attempt waits for its scheduled end: a timer must end it then if nothing else does first. */
    public static boolean awaitsScheduledEnd(Attempt attempt) {
        return attempt.status() == Attempt.Status.IN_PROGRESS && !attempt.deleted() && attempt.scheduledEnd() != null;
    }

    public static Decision<Attempt> delete(Optional<Attempt> attempt, Instant now) {
        if (attempt.isEmpty() || attempt.get().deleted()) {
            return notFound();
        }
        Attempt current = attempt.get();
        return new Decision.Accepted<>(current.changed(current.status(), current.end(), true, now));
    }

    private static Decision<Attempt> notFound() {
        return Decision.rejected(Decision.Reason.NOT_FOUND, "Attempt not found", "id", "not found");
    }

    private static String statusOf(Attempt attempt, Instant now) {
        return attempt.status() == Attempt.Status.IN_PROGRESS && attempt.endedAt(now)
                ? "is past its scheduled end"
                : "is " + name(attempt.status());
    }

    private static String name(Attempt.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
