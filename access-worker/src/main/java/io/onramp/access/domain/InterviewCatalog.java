package io.onramp.access.domain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of a tenant's interview catalogue: what a definition must say, and that an id is defined once. */
public final class InterviewCatalog {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_DURATION_SECONDS = 7 * 24 * 60 * 60;

    private InterviewCatalog() {}

    public static Decision<Interview> create(
            String tenantId,
            String interviewId,
            InterviewSpec spec,
            String userId,
            Optional<Interview> existing,
            Instant now) {
        spec = spec.plainText();
        List<Violation> violations = validate(spec);
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        if (existing.isPresent()) {
            return new Decision.Rejected<>(
                    Decision.Reason.CONFLICT,
                    "Interview " + interviewId + " already exists",
                    List.of(new Violation("id", "already exists")));
        }
        return new Decision.Accepted<>(new Interview(tenantId, interviewId, spec, 1, userId, now, now));
    }

    /** Replaces an interview's definition; its id, author and creation time stay, its version rises. */
    public static Decision<Interview> update(Optional<Interview> existing, InterviewSpec spec, Instant now) {
        if (existing.isEmpty()) {
            return Decision.rejected(Decision.Reason.NOT_FOUND, "Interview not found", "id", "not found");
        }
        spec = spec.plainText();
        List<Violation> violations = validate(spec);
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        Interview current = existing.get();
        return new Decision.Accepted<>(new Interview(
                current.tenantId(),
                current.interviewId(),
                spec,
                current.version() + 1,
                current.createdBy(),
                current.createdAt(),
                now));
    }

    public static List<Violation> validate(InterviewSpec spec) {
        var violations = new ArrayList<Violation>();
        if (spec.title() == null || spec.title().isBlank()) {
            violations.add(new Violation("title", "must not be blank"));
        } else if (spec.title().length() > MAX_TITLE_LENGTH) {
            violations.add(new Violation("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (spec.durationSeconds() < 1 || spec.durationSeconds() > MAX_DURATION_SECONDS) {
            violations.add(new Violation("duration_seconds", "must be between 1 and " + MAX_DURATION_SECONDS));
        }
        return List.copyOf(violations);
    }
}
