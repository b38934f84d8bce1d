package io.onramp.workflow.domain;

import java.time.Instant;
import java.util.List;

/** One version of a tenant's workflow definition: its task groups in the order a guest completes them. */
public record WorkflowDefinition(
        String tenantId, String id, int version, List<GroupDefinition> groups, String updatedBy, Instant updatedAt) {

    public WorkflowDefinition {
        groups = List.copyOf(groups);
    }
}
