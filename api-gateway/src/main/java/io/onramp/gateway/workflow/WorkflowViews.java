package io.onramp.gateway.workflow;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the workflow endpoints answer with (snake_case on the wire). */
final class WorkflowViews {

    private WorkflowViews() {}

    /** One version of a definition; {@code groups} exactly as it was stored. */
    record Definition(String id, int version, JsonNode groups, String updatedBy, Instant updatedAt) {}

    /** The guest's dashboard: ordered groups of ordered tasks, as the front end renders them. */
    record Dashboard(
            String guestId,
            String definitionId,
            int definitionVersion,
            String status,
            long version,
            Instant enrolledAt,
            Instant updatedAt,
            List<Group> groups) {

        Dashboard withGroups(List<Group> ordered) {
            return new Dashboard(
                    guestId, definitionId, definitionVersion, status, version, enrolledAt, updatedAt, ordered);
        }
    }

    record Group(String id, String title, String status, List<Task> tasks) {}

    /** One guest in the tenant's list: their workflow's status and the group they are in now. */
    record GuestSummary(
            String guestId,
            String definitionId,
            int definitionVersion,
            String status,
            CurrentGroup currentGroup,
            long version,
            Instant enrolledAt,
            Instant updatedAt) {}

    /** The first group not complete, in the definition's order; none once every group is. */
    record CurrentGroup(String id, String title, String status) {}

    /** @param note the reviewer's note while more information is needed (kept until the task completes) */
    record Task(
            String id,
            String title,
            String description,
            String status,
            String linkText,
            String linkUrlPath,
            String note) {}

    /** The responses submitted with a task; null until any are. */
    record TaskData(String guestId, String taskId, String status, JsonNode responses, Instant updatedAt) {}
}
