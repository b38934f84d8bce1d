package io.onramp.access.domain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The rules of bulk access: one atomic change per user. Duplicates in a request collapse; every id must exist in the
 * tenant's catalogue or nothing changes and each unknown id is named; existing grants are skipped and not counted
 * (and revoking what was never granted counts nothing). A change that changes nothing keeps the version.
 */
public final class GrantRules {

    public static final int MAX_IDS_PER_REQUEST = 10_000;

    private GrantRules() {}

    /** The outcome of a grant or revoke: the user's access afterwards and how many grants the command added or removed. */
    public record Change(UserAccess access, int count) {}

    public static Decision<Change> grant(
            UserAccess current, List<String> requested, Predicate<String> exists, Instant now) {
        return decide(current, requested, exists, now, true);
    }

    public static Decision<Change> revoke(
            UserAccess current, List<String> requested, Predicate<String> exists, Instant now) {
        return decide(current, requested, exists, now, false);
    }

    private static Decision<Change> decide(
            UserAccess current, List<String> requested, Predicate<String> exists, Instant now, boolean granting) {
        if (requested.isEmpty()) {
            return Decision.invalid(new Violation("interview_ids", "must not be empty"));
        }
        Set<String> distinct = new LinkedHashSet<>(requested);
        if (distinct.size() > MAX_IDS_PER_REQUEST) {
            return Decision.invalid(
                    new Violation("interview_ids", "must hold at most " + MAX_IDS_PER_REQUEST + " ids"));
        }
        List<Violation> unknown = new ArrayList<>();
        for (String id : distinct) {
            if (!exists.test(id)) {
                unknown.add(new Violation("interview_ids", "unknown interview " + id));
            }
        }
        if (!unknown.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.NOT_FOUND, "Unknown interviews", unknown);
        }
        var after = new TreeSet<>(current.interviewIds());
        if (granting) {
            after.addAll(distinct);
        } else {
            after.removeAll(distinct);
        }
        int count = Math.abs(after.size() - current.interviewIds().size());
        UserAccess next = count == 0 ? current : current.with(after, now);
        return new Decision.Accepted<>(new Change(next, count));
    }
}
