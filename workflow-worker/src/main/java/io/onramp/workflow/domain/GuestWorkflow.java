package io.onramp.workflow.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the TASK-STATE table: a guest's workflow on the definition version they were enrolled on, with every
 * group and task in order. {@code version} rises with every change.
 */
public record GuestWorkflow(
        String tenantId,
        String guestId,
        String definitionId,
        int definitionVersion,
        List<TaskGroup> groups,
        long version,
        Instant enrolledAt,
        Instant updatedAt) {

    public GuestWorkflow {
        groups = List.copyOf(groups);
    }

    /** {@code complete} once every group is; otherwise the status of the first group not complete. */
    public TaskStatus status() {
        return groups.stream()
                .map(TaskGroup::status)
                .filter(status -> status != TaskStatus.COMPLETE)
                .findFirst()
                .orElse(TaskStatus.COMPLETE);
    }

    public Optional<Task> task(String taskKey) {
        return groups.stream()
                .flatMap(group -> group.tasks().stream())
                .filter(task -> task.key().equals(taskKey))
                .findFirst();
    }

    GuestWorkflow withGroups(List<TaskGroup> next, Instant now) {
        return new GuestWorkflow(
                tenantId, guestId, definitionId, definitionVersion, next, version + 1, enrolledAt, now);
    }
}
