package io.onramp.workflow.domain;

import java.util.List;

/** One task group as a definition describes it: its tasks in the order a guest completes them. */
public record GroupDefinition(String key, String title, List<TaskDefinition> tasks) {

    public GroupDefinition {
        tasks = List.copyOf(tasks);
    }
}
