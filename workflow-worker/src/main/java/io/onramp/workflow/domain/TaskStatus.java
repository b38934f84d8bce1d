package io.onramp.workflow.domain;

import java.util.Locale;

/** The statuses a guest's task (and, derived from its tasks, a task group) moves through. */
public enum TaskStatus {
    LOCKED,
    START,
    IN_PROGRESS,
    MORE_INFORMATION_NEEDED,
    COMPLETE;

    /** The name clients see: {@code more_information_needed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A task a guest (or an event) can still move: unlocked and not final. */
    public boolean isOpen() {
        return this != LOCKED && this != COMPLETE;
    }
}
