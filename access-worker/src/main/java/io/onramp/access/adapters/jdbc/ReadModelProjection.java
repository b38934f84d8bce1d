package io.onramp.access.adapters.jdbc;

import io.onramp.schemas.AccessOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies one decided command to the read model: its state change, if any, and its outcome, in one transaction. */
@Component
public class ReadModelProjection {

    private final Interviews interviews;
    private final CommandOutcomes outcomes;

    ReadModelProjection(Interviews interviews, CommandOutcomes outcomes) {
        this.interviews = interviews;
        this.outcomes = outcomes;
    }

    @Transactional
    public void apply(AccessOutcome outcome) {
        if (outcome.getChange() != null) {
            interviews.upsert(outcome.getChange());
        }
        outcomes.record(outcome.getReply());
    }
}
