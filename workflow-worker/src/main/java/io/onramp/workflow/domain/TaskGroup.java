package io.onramp.workflow.domain;

import java.util.List;

/** One task group of a guest's workflow. It has no status of its own: it follows its tasks. */
public record TaskGroup(String key, String title, List<Task> tasks) {

    public TaskGroup {
        tasks = List.copyOf(tasks);
    }

    /**
     * {@code locked} while no task is unlocked, {@code complete} once every task is, {@code more_information_needed}
     * while a reviewer waits on any task, {@code start} before any progress, and {@code in_progress} otherwise.
     */
    public TaskStatus status() {
        if (tasks.stream().allMatch(task -> task.status() == TaskStatus.COMPLETE)) {
            return TaskStatus.COMPLETE;
        }
        if (tasks.stream().allMatch(task -> task.status() == TaskStatus.LOCKED)) {
            return TaskStatus.LOCKED;
        }
        if (tasks.stream().anyMatch(task -> task.status() == TaskStatus.MORE_INFORMATION_NEEDED)) {
            return TaskStatus.MORE_INFORMATION_NEEDED;
        }
        boolean progressed = tasks.stream()
                .anyMatch(task -> task.status() == TaskStatus.IN_PROGRESS || task.status() == TaskStatus.COMPLETE);
        return progressed ? TaskStatus.IN_PROGRESS : TaskStatus.START;
    }
}
