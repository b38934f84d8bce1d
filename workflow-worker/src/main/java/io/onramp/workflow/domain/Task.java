package io.onramp.workflow.domain;

import java.time.Instant;

/**
 * One task of a guest's workflow: its definition as enrolled, its status, the reviewer's last note and the responses
 * submitted with it (a JSON object, kept as text: the platform stores it, the front end gives it meaning).
 */
public record Task(TaskDefinition definition, TaskStatus status, String note, String data, Instant updatedAt) {

    public String key() {
        return definition.key();
    }

    Task withStatus(TaskStatus next, String nextNote, Instant now) {
        return new Task(definition, next, nextNote, data, now);
    }

    Task withData(String nextData, Instant now) {
        return new Task(definition, status, note, nextData, now);
    }
}
