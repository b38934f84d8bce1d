package io.onramp.workflow.adapters.jdbc;

import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.GuestWorkflowDeleted;
import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowOutcome;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies decided workflow commands to the read model: their state changes, if any, and their outcomes, in one
 * transaction.
 */
@Component
public class ReadModelProjection {

    private final DefinitionVersions definitions;
    private final GuestWorkflows guests;
    private final CommandOutcomes outcomes;

    ReadModelProjection(DefinitionVersions definitions, GuestWorkflows guests, CommandOutcomes outcomes) {
        this.definitions = definitions;
        this.guests = guests;
        this.outcomes = outcomes;
    }

    @Transactional
    public void apply(List<WorkflowOutcome> batch) {
        for (WorkflowOutcome outcome : batch) {
            if (outcome.getChange() instanceof WorkflowDefinition definition) {
                definitions.insert(definition);
            } else if (outcome.getChange() instanceof GuestWorkflow workflow) {
                guests.upsert(workflow);
            } else if (outcome.getChange() instanceof GuestWorkflowDeleted deleted) {
                guests.delete(deleted);
            }
            outcomes.record(outcome.getReply());
        }
    }
}
