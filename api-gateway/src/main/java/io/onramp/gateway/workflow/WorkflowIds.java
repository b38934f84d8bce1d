package io.onramp.gateway.workflow;

import io.onramp.gateway.error.InvalidRequestException;
import java.util.regex.Pattern;

/** The ids the workflow endpoints take in their paths; anything else is a 400 before any lookup. */
final class WorkflowIds {

    private static final Pattern DEFINITION = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Pattern GUEST = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$");
    private static final Pattern TASK = Pattern.compile("^[a-z0-9][a-z0-9_]{0,63}$");

    private WorkflowIds() {}

    static String definition(String id) {
        return require("definition_id", id, DEFINITION, "must be 1-64 lower-case letters, digits, '_' or '-'");
    }

    static String guest(String id) {
        return require("guest_id", id, GUEST, "must be 1-128 letters, digits, '_', '.', '@', ':' or '-'");
    }

    static String task(String id) {
        return require("task_id", id, TASK, "must be 1-64 lower-case letters, digits or '_'");
    }

    private static String require(String field, String id, Pattern pattern, String error) {
        if (id == null || !pattern.matcher(id).matches()) {
            throw new InvalidRequestException(field, error);
        }
        return id;
    }
}
