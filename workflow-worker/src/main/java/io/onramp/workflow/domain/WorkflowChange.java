package io.onramp.workflow.domain;

/**
 * One observable change of a guest's workflow, in the order it happened.
 *
 * @param groupKey the group concerned, or null for the workflow as a whole
 * @param taskKey the task concerned, or null for a group or the workflow
 * @param from the status before, or null for enrolment and deletion
 * @param to the status after, or null for deletion
 */
public record WorkflowChange(Type type, String groupKey, String taskKey, TaskStatus from, TaskStatus to, String note) {

    public enum Type {
        ENROLLED,
        TASK_STATUS_CHANGED,
        GROUP_STATUS_CHANGED,
        WORKFLOW_COMPLETED,
        WORKFLOW_DELETED
    }
}
