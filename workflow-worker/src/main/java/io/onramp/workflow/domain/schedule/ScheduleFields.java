package io.onramp.workflow.domain.schedule;

import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a scheduled interview and how each is checked and sanitised: the allowed types and providers, the
 * lengths, user ids, addresses, IANA zones, meeting URLs, panels and times. Each check adds its violation to the list
 * it is given, so that one request reports every broken field at once.
 */
public final class ScheduleFields {

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

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_URL = 2_000;
    public static final int MAX_PANEL = 20;
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}$");

    private ScheduleFields() {}

    static void times(List<Violation> violations, Instant start, Instant end) {
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

    static String oneOf(List<Violation> violations, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            violations.add(new Violation(field, "must be one of " + String.join(", ", sorted(allowed))));
            return null;
        }
        return value;
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    static String plain(List<Violation> violations, String field, String value, int max, boolean required) {
        String clean = TextSanitizer.plainText(value);
        if (required && (clean == null || clean.isBlank())) {
            violations.add(new Violation(field, value == null || value.isBlank() ? "is required" : "has no text"));
        } else if (clean != null && clean.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    static String notes(List<Violation> violations, String field, String value) {
        String clean = TextSanitizer.notes(value);
        if (clean != null && clean.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    static String userId(List<Violation> violations, String field, String value) {
        if (value == null || !USER_ID.matcher(value).matches()) {
            violations.add(new Violation(field, "must be a user id"));
            return null;
        }
        return value;
    }

    static String email(List<Violation> violations, String value) {
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

    static List<String> panel(List<Violation> violations, List<String> interviewerIds) {
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
}
