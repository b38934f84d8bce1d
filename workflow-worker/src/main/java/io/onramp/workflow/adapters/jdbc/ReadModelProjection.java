package io.onramp.workflow.adapters.jdbc;

import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.GuestWorkflowDeleted;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.ScheduleTemplate;
import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowOutcome;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies decided commands to the read model: their state changes, if any, and their outcomes, in one transaction. */
@Component
public class ReadModelProjection {

    private final DefinitionVersions definitions;
    private final GuestWorkflows guests;
    private final Schedules schedules;
    private final CommandOutcomes outcomes;

    ReadModelProjection(
            DefinitionVersions definitions, GuestWorkflows guests, Schedules schedules, CommandOutcomes outcomes) {
        this.definitions = definitions;
        this.guests = guests;
        this.schedules = schedules;
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

    @Transactional
    public void applySchedules(List<ScheduleOutcome> batch) {
        for (ScheduleOutcome outcome : batch) {
            if (outcome.getChange() instanceof Schedule schedule) {
                schedules.upsert(schedule);
            } else if (outcome.getChange() instanceof ScheduleTemplate template) {
                schedules.upsert(template);
            }
            outcomes.record(outcome.getReply());
        }
    }
}
