package io.onramp.access.adapters.jdbc;

import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Attempt;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.UserAccess;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies decided commands to the read model: their state changes, if any, and their outcomes, in one transaction. */
@Component
public class ReadModelProjection {

    private final Interviews interviews;
    private final AccessGrants grants;
    private final Attempts attempts;
    private final CommandOutcomes outcomes;

    ReadModelProjection(Interviews interviews, AccessGrants grants, Attempts attempts, CommandOutcomes outcomes) {
        this.interviews = interviews;
        this.grants = grants;
        this.attempts = attempts;
        this.outcomes = outcomes;
    }

    @Transactional
    public void apply(List<AccessOutcome> batch) {
        for (AccessOutcome outcome : batch) {
            if (outcome.getChange() instanceof InterviewDefinition definition) {
                interviews.upsert(definition);
            } else if (outcome.getChange() instanceof UserAccess access) {
                grants.replace(access);
            } else if (outcome.getChange() instanceof Attempt attempt) {
                attempts.upsert(attempt);
            }
            outcomes.record(outcome.getReply());
        }
    }
}
