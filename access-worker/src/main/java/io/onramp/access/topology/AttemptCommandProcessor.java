package io.onramp.access.topology;

import io.onramp.access.domain.Attempt;
import io.onramp.access.domain.AttemptRules;
import io.onramp.domain.Decision;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.AttemptCommand;
import io.onramp.schemas.ChangeAttemptStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.ContinueAttempt;
import io.onramp.schemas.DeleteAttempt;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.Keys;
import io.onramp.schemas.StartAttempt;
import io.onramp.schemas.UserAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Decides attempt commands beside the owner's ACCESS row (both are keyed by tenant and user): a start is checked
 * against the global catalogue and the user's grants at the moment it is decided, never against a stale copy.
 */
final class AttemptCommandProcessor implements FixedKeyProcessor<String, AttemptCommand, AccessOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, AccessOutcome> context;
    private KeyValueStore<String, UserAccess> access;
    private KeyValueStore<String, io.onramp.schemas.Attempt> attempts;
    private KeyValueStore<String, ValueAndTimestamp<InterviewDefinition>> catalog;

    AttemptCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.access = context.getStateStore(AccessTopology.ACCESS_STORE);
        this.attempts = context.getStateStore(AccessTopology.ATTEMPTS_STORE);
        this.catalog = context.getStateStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, AttemptCommand> record) {
        CommandMetadata metadata = record.value().getMetadata();
        String tenant = metadata.getTenantId();
        String owner = record.value().getOwnerId();
        Instant now = clock.instant();
        Object payload = record.value().getPayload();
        String attemptId = attemptIdOf(payload);
        String attemptKey = Keys.of(tenant, attemptId);
        // Read once: a start checks the id against any attempt; the other commands see only the owner's.
        Optional<Attempt> existing =
                Optional.ofNullable(attempts.get(attemptKey)).map(AttemptAvro::attempt);
        Optional<Attempt> stored = existing.filter(attempt -> attempt.userId().equals(owner));

        Decision<Attempt> decision;
        CommandOutcome success = CommandOutcome.ACCEPTED;
        if (payload instanceof StartAttempt start) {
            decision = AttemptRules.start(
                    tenant,
                    attemptId,
                    start.getInterviewId(),
                    owner,
                    interview(tenant, start.getInterviewId()),
                    granted(record.key(), start.getInterviewId()),
                    existing,
                    now);
            success = CommandOutcome.CREATED;
        } else if (payload instanceof ContinueAttempt) {
            decision = AttemptRules.resume(stored, now);
        } else if (payload instanceof ChangeAttemptStatus change) {
            decision = AttemptRules.changeStatus(stored, AttemptAvro.status(change.getStatus()), now);
        } else {
            decision = AttemptRules.delete(stored, now);
        }
        context.forward(record.withValue(outcome(metadata, attemptId, attemptKey, decision, success, stored)));
    }

    private AccessOutcome outcome(
            CommandMetadata metadata,
            String attemptId,
            String attemptKey,
            Decision<Attempt> decision,
            CommandOutcome success,
            Optional<Attempt> before) {
        if (decision instanceof Decision.Accepted<Attempt> accepted) {
            Attempt after = accepted.result();
            io.onramp.schemas.Attempt changed = null;
            if (before.map(attempt -> attempt.version() != after.version()).orElse(true)) {
                changed = AttemptAvro.avro(after);
                attempts.put(attemptKey, changed);
            }
            return Outcomes.accepted(
                    metadata, AttemptAvro.RESOURCE_TYPE, attemptId, success, after.version(), null, changed);
        }
        return Outcomes.rejected(metadata, AttemptAvro.RESOURCE_TYPE, attemptId, (Decision.Rejected<Attempt>) decision);
    }

    private Optional<io.onramp.access.domain.InterviewSpec> interview(String tenant, String interviewId) {
        return Optional.ofNullable(catalog.get(Keys.of(tenant, interviewId)))
                .map(ValueAndTimestamp::value)
                .map(definition -> CatalogAvro.interview(definition).spec());
    }

    private boolean granted(String userKey, String interviewId) {
        UserAccess row = access.get(userKey);
        return row != null && row.getInterviewIds().contains(interviewId);
    }

    private static String attemptIdOf(Object payload) {
        if (payload instanceof StartAttempt start) {
            return start.getAttemptId();
        } else if (payload instanceof ContinueAttempt resume) {
            return resume.getAttemptId();
        } else if (payload instanceof ChangeAttemptStatus change) {
            return change.getAttemptId();
        }
        return ((DeleteAttempt) payload).getAttemptId();
    }
}
