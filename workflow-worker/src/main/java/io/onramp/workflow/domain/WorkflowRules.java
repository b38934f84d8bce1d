package io.onramp.workflow.domain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The guest workflow's state machine (DESIGN.md §7). Groups and tasks are ordered; a task leaves {@code locked} only
 * when the task before it completes (the first task of a group when the group before it completes; the first task of
 * the first group at enrolment). Transitions: {@code start→in_progress}, {@code start|in_progress→complete},
 * {@code in_progress→more_information_needed} (review), {@code more_information_needed→in_progress}; {@code complete}
 * is final; anything else is a conflict naming the current status.
 */
public final class WorkflowRules {

    /** The largest task data accepted, in characters of its JSON text. */
    public static final int MAX_DATA_CHARS = 32 * 1024;

    public static final int MAX_NOTE = 2_000;

    private static final Map<TaskStatus, Map<TaskStatus, Set<Role>>> TRANSITIONS = new EnumMap<>(TaskStatus.class);

    static {
        allow(TaskStatus.START, TaskStatus.IN_PROGRESS, EnumSet.of(Role.GUEST));
        allow(TaskStatus.START, TaskStatus.COMPLETE, EnumSet.of(Role.GUEST, Role.REVIEWER));
        allow(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETE, EnumSet.of(Role.GUEST, Role.REVIEWER));
        allow(TaskStatus.IN_PROGRESS, TaskStatus.MORE_INFORMATION_NEEDED, EnumSet.of(Role.REVIEWER));
        allow(TaskStatus.MORE_INFORMATION_NEEDED, TaskStatus.IN_PROGRESS, EnumSet.of(Role.GUEST));
    }

    private WorkflowRules() {}

    /** Who may move a task from {@code from} to {@code to}; empty when no one may. */
    public static Set<Role> allowed(TaskStatus from, TaskStatus to) {
        return TRANSITIONS.getOrDefault(from, Map.of()).getOrDefault(to, EnumSet.noneOf(Role.class));
    }

    /** Enrols a guest on a definition's version: the first task of the first group starts, every other is locked. */
    public static Decision<Progress> enrol(
            String tenantId,
            String guestId,
            String definitionId,
            Optional<WorkflowDefinition> definition,
            Optional<GuestWorkflow> existing,
            Instant now) {
        if (definition.isEmpty()) {
            return Decision.rejected(
                    Decision.Reason.NOT_FOUND,
                    "Workflow definition not found",
                    "definition_id",
                    "No workflow definition '" + definitionId + "'");
        }
        if (existing.isPresent()) {
            GuestWorkflow enrolled = existing.get();
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Guest is already enrolled",
                    "guest_id",
                    "Already enrolled on '" + enrolled.definitionId() + "' version " + enrolled.definitionVersion()
                            + "; delete the workflow to enrol again");
        }
        WorkflowDefinition version = definition.get();
        List<TaskGroup> locked = version.groups().stream()
                .map(group -> new TaskGroup(
                        group.key(),
                        group.title(),
                        group.tasks().stream()
                                .map(task -> new Task(task, TaskStatus.LOCKED, null, null, null, null))
                                .toList()))
                .toList();
        List<TaskGroup> started = new ArrayList<>(locked);
        unlockFirstTask(started, 0, now);
        var workflow = new GuestWorkflow(tenantId, guestId, version.id(), version.version(), started, 1, now, now);
        List<WorkflowChange> changes = new ArrayList<>();
        changes.add(new WorkflowChange(WorkflowChange.Type.ENROLLED, null, null, null, null, null));
        changes.addAll(differences(locked, started));
        return new Decision.Accepted<>(new Progress(workflow, changes));
    }

    /** Moves one task, in the capacities the caller holds, and unlocks what its completion unlocks. */
    public static Decision<Progress> changeStatus(
            Optional<GuestWorkflow> existing,
            String taskKey,
            TaskStatus target,
            Set<Role> roles,
            String note,
            Instant now) {
        if (existing.isEmpty()) {
            return notEnrolled();
        }
        GuestWorkflow workflow = existing.get();
        Optional<Task> found = workflow.task(taskKey);
        if (found.isEmpty()) {
            return unknownTask(taskKey);
        }
        TaskStatus current = found.get().status();
        Set<Role> allowed = allowed(current, target);
        if (allowed.isEmpty()) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Task '" + taskKey + "' is " + current.wireName() + "; it cannot move to " + target.wireName(),
                    "status",
                    "Current status: " + current.wireName());
        }
        if (roles.stream().noneMatch(allowed::contains)) {
            return Decision.rejected(Decision.Reason.NO_ACCESS, "Access denied", "status", onlyWho(allowed, target));
        }
        note = TextSanitizer.plainText(note);
        if (note != null && note.length() > MAX_NOTE) {
            return Decision.invalid(new Violation("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (target == TaskStatus.MORE_INFORMATION_NEEDED && (note == null || note.isBlank())) {
            return Decision.invalid(new Violation("note", "must say what information is needed"));
        }
        return new Decision.Accepted<>(move(workflow, List.of(taskKey), target, note, now));
    }

    /** Stores the responses submitted with an unlocked task that is not complete, replacing earlier ones. */
    public static Decision<Progress> submitData(
            Optional<GuestWorkflow> existing, String taskKey, String data, Instant now) {
        if (existing.isEmpty()) {
            return notEnrolled();
        }
        GuestWorkflow workflow = existing.get();
        Optional<Task> found = workflow.task(taskKey);
        if (found.isEmpty()) {
            return unknownTask(taskKey);
        }
        if (data.length() > MAX_DATA_CHARS) {
            return Decision.invalid(
                    new Violation("responses", "must be at most " + MAX_DATA_CHARS + " characters of JSON"));
        }
        TaskStatus current = found.get().status();
        if (!current.isOpen()) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Task '" + taskKey + "' is " + current.wireName() + "; its data cannot change",
                    "status",
                    "Current status: " + current.wireName());
        }
        List<TaskGroup> groups = replaceTask(workflow.groups(), taskKey, task -> task.withData(data, now));
        return new Decision.Accepted<>(new Progress(workflow.withGroups(groups, now), List.of()));
    }

    /**
     * A domain event concerning the guest: every unlocked, unfinished task defined as {@code completes_on} it (by its
     * type alone, or by its type and qualifier) completes. A task still locked keeps the event (one per task, the
     * first) and completes as soon as it unlocks. An event that concerns no task changes nothing: the same workflow,
     * at the same version, is returned.
     */
    public static Decision<Progress> observe(
            Optional<GuestWorkflow> existing, String eventType, String qualifier, Instant now) {
        if (existing.isEmpty()) {
            return notEnrolled();
        }
        GuestWorkflow workflow = existing.get();
        List<Task> concerned = workflow.groups().stream()
                .flatMap(group -> group.tasks().stream())
                .filter(task -> completesOn(task.definition(), eventType, qualifier))
                .toList();
        List<String> open = concerned.stream()
                .filter(task -> task.status().isOpen())
                .map(Task::key)
                .toList();
        List<String> waiting = concerned.stream()
                .filter(task -> task.status() == TaskStatus.LOCKED && task.observedEvent() == null)
                .map(Task::key)
                .toList();
        if (open.isEmpty() && waiting.isEmpty()) {
            return new Decision.Accepted<>(new Progress(workflow, List.of()));
        }
        String event = qualifier == null ? eventType : eventType + ":" + qualifier;
        List<TaskGroup> groups = workflow.groups();
        for (String taskKey : waiting) {
            groups = replaceTask(groups, taskKey, task -> task.withObservedEvent(event));
        }
        if (open.isEmpty()) {
            return new Decision.Accepted<>(new Progress(workflow.withGroups(groups, now), List.of()));
        }
        return new Decision.Accepted<>(move(workflow, groups, open, TaskStatus.COMPLETE, null, now));
    }

    /** Removes the guest's workflow with its statuses and data. */
    public static Decision<Progress> delete(Optional<GuestWorkflow> existing) {
        if (existing.isEmpty()) {
            return notEnrolled();
        }
        var deleted = new WorkflowChange(WorkflowChange.Type.WORKFLOW_DELETED, null, null, null, null, null);
        return new Decision.Accepted<>(new Progress(existing.get(), List.of(deleted)));
    }

    static boolean completesOn(TaskDefinition task, String eventType, String qualifier) {
        String trigger = task.completesOn();
        return trigger != null && (trigger.equals(eventType) || trigger.equals(eventType + ":" + qualifier));
    }

    private static Progress move(
            GuestWorkflow workflow, List<String> taskKeys, TaskStatus target, String note, Instant now) {
        return move(workflow, workflow.groups(), taskKeys, target, note, now);
    }

    /** Moves tasks starting from {@code from}: the workflow's groups, or those with events just kept. */
    private static Progress move(
            GuestWorkflow workflow,
            List<TaskGroup> from,
            List<String> taskKeys,
            TaskStatus target,
            String note,
            Instant now) {
        List<TaskGroup> groups = new ArrayList<>(from);
        for (String taskKey : taskKeys) {
            groups = replaceTask(groups, taskKey, task -> task.withStatus(target, noteAfter(task, target, note), now));
            if (target == TaskStatus.COMPLETE) {
                groups = unlockAfter(groups, taskKey, now);
            }
        }
        groups = completeUnlockedWithKeptEvents(groups, now);
        List<WorkflowChange> changes = new ArrayList<>(differences(workflow.groups(), groups));
        GuestWorkflow after = workflow.withGroups(groups, now);
        if (after.status() == TaskStatus.COMPLETE && workflow.status() != TaskStatus.COMPLETE) {
            changes.add(new WorkflowChange(WorkflowChange.Type.WORKFLOW_COMPLETED, null, null, null, null, null));
        }
        return new Progress(after, changes);
    }

    /** A reviewer's note stays with the task until it completes, so the guest still sees it while working on it. */
    private static String noteAfter(Task task, TaskStatus target, String note) {
        return switch (target) {
            case MORE_INFORMATION_NEEDED -> note;
            case COMPLETE -> null;
            default -> task.note();
        };
    }

    /**
     * Completes every task that has unlocked with an event it kept while locked, and, in turn, those that completing
     * it unlocks: the event arrived before the task was reachable, and still finishes it.
     */
    private static List<TaskGroup> completeUnlockedWithKeptEvents(List<TaskGroup> groups, Instant now) {
        while (true) {
            Optional<Task> due = groups.stream()
                    .flatMap(group -> group.tasks().stream())
                    .filter(task -> task.status().isOpen() && task.observedEvent() != null)
                    .findFirst();
            if (due.isEmpty()) {
                return groups;
            }
            String taskKey = due.get().key();
            groups = replaceTask(groups, taskKey, task -> task.withStatus(TaskStatus.COMPLETE, null, now));
            groups = unlockAfter(groups, taskKey, now);
        }
    }

    /** Unlocks the task after {@code taskKey}, or the first task of the next group when it was its group's last. */
    private static List<TaskGroup> unlockAfter(List<TaskGroup> groups, String taskKey, Instant now) {
        List<TaskGroup> next = new ArrayList<>(groups);
        for (int g = 0; g < next.size(); g++) {
            List<Task> tasks = next.get(g).tasks();
            for (int t = 0; t < tasks.size(); t++) {
                if (!tasks.get(t).key().equals(taskKey)) {
                    continue;
                }
                if (t + 1 < tasks.size()) {
                    next = replaceTask(next, tasks.get(t + 1).key(), task -> unlocked(task, now));
                } else if (g + 1 < next.size()) {
                    unlockFirstTask(next, g + 1, now);
                }
                return next;
            }
        }
        return next;
    }

    private static void unlockFirstTask(List<TaskGroup> groups, int groupIndex, Instant now) {
        TaskGroup group = groups.get(groupIndex);
        List<Task> tasks = new ArrayList<>(group.tasks());
        tasks.set(0, unlocked(tasks.get(0), now));
        groups.set(groupIndex, new TaskGroup(group.key(), group.title(), tasks));
    }

    private static Task unlocked(Task task, Instant now) {
        return task.status() == TaskStatus.LOCKED ? task.withStatus(TaskStatus.START, task.note(), now) : task;
    }

    private static List<TaskGroup> replaceTask(
            List<TaskGroup> groups, String taskKey, java.util.function.UnaryOperator<Task> change) {
        return groups.stream()
                .map(group -> new TaskGroup(
                        group.key(),
                        group.title(),
                        group.tasks().stream()
                                .map(task -> task.key().equals(taskKey) ? change.apply(task) : task)
                                .toList()))
                .toList();
    }

    /** What changed between two states of the same groups, task by task, each group after its tasks. */
    static List<WorkflowChange> differences(List<TaskGroup> before, List<TaskGroup> after) {
        List<WorkflowChange> changes = new ArrayList<>();
        for (int g = 0; g < after.size(); g++) {
            TaskGroup was = before.get(g);
            TaskGroup now = after.get(g);
            for (int t = 0; t < now.tasks().size(); t++) {
                Task from = was.tasks().get(t);
                Task to = now.tasks().get(t);
                if (from.status() != to.status()) {
                    String note = to.status() == TaskStatus.MORE_INFORMATION_NEEDED ? to.note() : null;
                    changes.add(new WorkflowChange(
                            WorkflowChange.Type.TASK_STATUS_CHANGED,
                            now.key(),
                            to.key(),
                            from.status(),
                            to.status(),
                            note));
                }
            }
            if (was.status() != now.status()) {
                changes.add(new WorkflowChange(
                        WorkflowChange.Type.GROUP_STATUS_CHANGED, now.key(), null, was.status(), now.status(), null));
            }
        }
        return changes;
    }

    private static String onlyWho(Set<Role> allowed, TaskStatus target) {
        if (allowed.contains(Role.GUEST)) {
            return "Only the guest (workflows:update) may move their task to " + target.wireName();
        }
        return "Only a reviewer (workflows:review) may move a task to " + target.wireName();
    }

    private static <T> Decision<T> notEnrolled() {
        return Decision.rejected(
                Decision.Reason.NOT_FOUND, "Guest workflow not found", "guest_id", "The guest is not enrolled");
    }

    private static <T> Decision<T> unknownTask(String taskKey) {
        return Decision.rejected(
                Decision.Reason.NOT_FOUND, "Task not found", "task_id", "No task '" + taskKey + "' in the workflow");
    }

    private static void allow(TaskStatus from, TaskStatus to, Set<Role> roles) {
        TRANSITIONS
                .computeIfAbsent(from, status -> new EnumMap<>(TaskStatus.class))
                .put(to, roles);
    }
}
