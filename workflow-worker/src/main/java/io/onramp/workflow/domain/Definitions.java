package io.onramp.workflow.domain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Workflow definitions as data. Every accepted change is a new version; guests keep the version they were enrolled
 * on. Storing the same content again keeps the current version, so re-seeding a definition is harmless.
 */
public final class Definitions {

    public static final int MAX_GROUPS = 50;
    public static final int MAX_TASKS_PER_GROUP = 100;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_LINK_TEXT = 200;
    public static final int MAX_LINK_PATH = 500;

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_]{0,63}$");
    static final Pattern COMPLETES_ON = Pattern.compile("^[a-z][a-z_]{0,63}(:[A-Za-z0-9_.-]{1,128})?$");

    private Definitions() {}

    public static Decision<WorkflowDefinition> define(
            String tenantId,
            String definitionId,
            List<GroupDefinition> groups,
            String userId,
            Optional<WorkflowDefinition> latest,
            Instant now) {
        groups = plainText(groups);
        List<Violation> violations = validate(groups);
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        if (latest.isPresent() && latest.get().groups().equals(groups)) {
            return new Decision.Accepted<>(latest.get());
        }
        int version = latest.map(definition -> definition.version() + 1).orElse(1);
        return new Decision.Accepted<>(new WorkflowDefinition(tenantId, definitionId, version, groups, userId, now));
    }

    /** Titles, descriptions and link texts as plain text: markup is never stored, whoever renders them later. */
    static List<GroupDefinition> plainText(List<GroupDefinition> groups) {
        return groups.stream()
                .map(group -> new GroupDefinition(
                        group.key(),
                        TextSanitizer.plainText(group.title()),
                        group.tasks().stream()
                                .map(task -> new TaskDefinition(
                                        task.key(),
                                        TextSanitizer.plainText(task.title()),
                                        TextSanitizer.plainText(task.description()),
                                        TextSanitizer.plainText(task.linkText()),
                                        task.linkUrlPath(),
                                        task.completesOn()))
                                .toList()))
                .toList();
    }

    /** Every rule a definition breaks, each named by its JSON path ({@code groups[0].tasks[1].title}). */
    public static List<Violation> validate(List<GroupDefinition> groups) {
        List<Violation> violations = new ArrayList<>();
        if (groups.isEmpty()) {
            violations.add(new Violation("groups", "must hold at least one task group"));
        } else if (groups.size() > MAX_GROUPS) {
            violations.add(new Violation("groups", "must hold at most " + MAX_GROUPS + " task groups"));
        }
        Set<String> groupKeys = new HashSet<>();
        Set<String> taskKeys = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            GroupDefinition group = groups.get(g);
            String path = "groups[" + g + "]";
            key(violations, path + ".key", group.key(), groupKeys, "task groups");
            text(violations, path + ".title", group.title(), MAX_TITLE, true);
            if (group.tasks().isEmpty()) {
                violations.add(new Violation(path + ".tasks", "must hold at least one task"));
            } else if (group.tasks().size() > MAX_TASKS_PER_GROUP) {
                violations.add(new Violation(path + ".tasks", "must hold at most " + MAX_TASKS_PER_GROUP + " tasks"));
            }
            for (int t = 0; t < group.tasks().size(); t++) {
                task(violations, path + ".tasks[" + t + "]", group.tasks().get(t), taskKeys);
            }
        }
        return violations;
    }

    private static void task(List<Violation> violations, String path, TaskDefinition task, Set<String> taskKeys) {
        key(violations, path + ".key", task.key(), taskKeys, "tasks of the definition");
        text(violations, path + ".title", task.title(), MAX_TITLE, true);
        text(violations, path + ".description", task.description(), MAX_DESCRIPTION, false);
        text(violations, path + ".link_text", task.linkText(), MAX_LINK_TEXT, false);
        String link = task.linkUrlPath();
        if (link != null && !link.isEmpty() && !isRelativePath(link)) {
            violations.add(new Violation(
                    path + ".link_url_path",
                    "must be a path on the front end's origin: '/', then letters, digits, '-', '_', '.', '~' and '/',"
                            + " an optional ?query and #fragment of the same (with '=', '&', '%', '+')"));
        } else {
            text(violations, path + ".link_url_path", link, MAX_LINK_PATH, false);
        }
        if (task.completesOn() != null
                && !COMPLETES_ON.matcher(task.completesOn()).matches()) {
            violations.add(new Violation(path + ".completes_on", "must be event_type or event_type:qualifier"));
        }
    }

    private static void key(List<Violation> violations, String field, String key, Set<String> seen, String scope) {
        if (key == null || !KEY.matcher(key).matches()) {
            violations.add(new Violation(field, "must be 1-64 lower-case letters, digits or '_'"));
        } else if (!seen.add(key)) {
            violations.add(new Violation(field, "'" + key + "' is used twice; keys are unique among the " + scope));
        }
    }

    private static void text(List<Violation> violations, String field, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            violations.add(new Violation(field, "must not be empty"));
        } else if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    /**
     * A path on the front end's own origin in a grammar that no renderer can mistake for markup or a script:
     * {@code /guest-application?step=2#top}, never {@code //host}, {@code https://…}, {@code /javascript:…},
     * quotes, angle brackets or {@code ..} segments.
     */
    static boolean isRelativePath(String link) {
        return SAFE_PATH.matcher(link).matches()
                && !link.startsWith("//")
                && !link.contains("/../")
                && !link.endsWith("/..");
    }

    private static final Pattern SAFE_PATH =
            Pattern.compile("^/[A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&%+-]*)?(#[A-Za-z0-9._~-]*)?$");
}
