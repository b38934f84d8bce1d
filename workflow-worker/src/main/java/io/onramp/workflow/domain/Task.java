package io.onramp.workflow.domain;

import java.time.Instant;

/**
 * One task of a guest's workflow: its definition as enrolled, its status, the reviewer's last note, the responses
 * submitted with it (a JSON object, kept as text: the platform stores it, the front end gives it meaning) and the
 * domain event that completes it, when that event came while the task was still locked ({@code observedEvent}, kept
 * until the task completes).
 */
public record Task(
        TaskDefinition definition,
        TaskStatus status,
        String note,
        String data,
        Instant updatedAt,
        String observedEvent) {

    public String key() {
        return definition.key();
    }

    /** A task leaves its kept event behind when it completes. */
    Task withStatus(TaskStatus next, String nextNote, Instant now) {
        return new Task(definition, next, nextNote, data, now, next == TaskStatus.COMPLETE ? null : observedEvent);
    }

    Task withData(String nextData, Instant now) {
        return new Task(definition, status, note, nextData, now, observedEvent);
    }

    Task withObservedEvent(String event) {
        return new Task(definition, status, note, data, updatedAt, event);
    }
}
