package io.onramp.workflow.adapters.jdbc.schedule;

import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.ScheduleTemplate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies decided schedule commands to the read model: the interview or template they changed, if any, and their
 * outcomes, in one transaction.
 */
@Component
public class ScheduleProjection {

    private final Schedules schedules;
    private final CommandOutcomes outcomes;

    ScheduleProjection(Schedules schedules, CommandOutcomes outcomes) {
        this.schedules = schedules;
        this.outcomes = outcomes;
    }

    @Transactional
    public void apply(List<ScheduleOutcome> batch) {
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
