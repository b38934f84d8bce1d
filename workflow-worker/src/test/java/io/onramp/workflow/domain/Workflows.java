package io.onramp.workflow.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Definitions and workflows in a given state, for the rules' tests. */
final class Workflows {

    static final Instant ENROLLED = Instant.parse("2026-11-22T09:00:00Z");

    private Workflows() {}

    /** Two groups ({@code g0}, {@code g1}) of three tasks each ({@code g0_t0} … {@code g1_t2}). */
    static WorkflowDefinition twoByThree() {
        List<GroupDefinition> groups = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            List<TaskDefinition> tasks = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                tasks.add(task(taskKey(g, t), null));
            }
            groups.add(new GroupDefinition("g" + g, "Group " + g, tasks));
        }
        return new WorkflowDefinition("acme", "onboarding", 1, groups, "u-admin", ENROLLED);
    }

    static TaskDefinition task(String key, String completesOn) {
        return new TaskDefinition(key, "Task " + key, "Do " + key, "Open " + key, "/" + key, completesOn);
    }

    static String taskKey(int group, int task) {
        return "g" + group + "_t" + task;
    }

    /**
     * The workflow of {@code definition} with every task before ({@code group}, {@code task}) complete, that task in
     * {@code status}, and every task after it locked.
     */
    static GuestWorkflow at(WorkflowDefinition definition, int group, int task, TaskStatus status) {
        List<TaskGroup> groups = new ArrayList<>();
        for (int g = 0; g < definition.groups().size(); g++) {
            GroupDefinition groupDefinition = definition.groups().get(g);
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < groupDefinition.tasks().size(); t++) {
                int order = Integer.compare(g * 1000 + t, group * 1000 + task);
                TaskStatus taskStatus = order < 0 ? TaskStatus.COMPLETE : order == 0 ? status : TaskStatus.LOCKED;
                tasks.add(new Task(groupDefinition.tasks().get(t), taskStatus, null, null, ENROLLED, null));
            }
            groups.add(new TaskGroup(groupDefinition.key(), groupDefinition.title(), tasks));
        }
        return new GuestWorkflow(
                "acme", "guest-1", definition.id(), definition.version(), groups, 7, ENROLLED, ENROLLED);
    }

    static List<TaskStatus> statuses(GuestWorkflow workflow) {
        return workflow.groups().stream()
                .flatMap(group -> group.tasks().stream())
                .map(Task::status)
                .toList();
    }
}
