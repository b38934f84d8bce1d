package io.onramp.access.topology;

import io.onramp.access.domain.GrantRules;
import io.onramp.access.domain.UserAccess;
import io.onramp.domain.Decision;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.Keys;
import io.onramp.schemas.RevokeAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies grants and revocations to the ACCESS table, one user at a time (commands for a user share its key), checking
 * every interview id against the global catalogue.
 */
final class AccessCommandProcessor implements FixedKeyProcessor<String, AccessCommand, AccessOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, AccessOutcome> context;
    private KeyValueStore<String, io.onramp.schemas.UserAccess> access;
    private KeyValueStore<String, ValueAndTimestamp<InterviewDefinition>> catalog;

    AccessCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.access = context.getStateStore(AccessTopology.ACCESS_STORE);
        this.catalog = context.getStateStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, AccessCommand> record) {
        if (record.value().getPayload() instanceof GrantAccess grant) {
            apply(record, grant.getUserId(), grant.getInterviewIds(), GrantRules::grant);
        } else {
            var revoke = (RevokeAccess) record.value().getPayload();
            apply(record, revoke.getUserId(), revoke.getInterviewIds(), GrantRules::revoke);
        }
    }

    /** {@link GrantRules#grant} or {@link GrantRules#revoke}. */
    @FunctionalInterface
    private interface Rule {
        Decision<GrantRules.Change> decide(
                UserAccess current, List<String> interviewIds, Predicate<String> exists, Instant now);
    }

    private void apply(FixedKeyRecord<String, AccessCommand> record, String userId, List<String> ids, Rule rule) {
        CommandMetadata metadata = record.value().getMetadata();
        String tenant = metadata.getTenantId();
        var stored = access.get(record.key());
        UserAccess current = stored == null ? UserAccess.none(tenant, userId) : AccessAvro.userAccess(stored);
        Predicate<String> exists = id -> catalog.get(Keys.of(tenant, id)) != null;
        var decision = rule.decide(current, ids, exists, clock.instant());
        context.forward(record.withValue(outcome(metadata, userId, decision, record.key())));
    }

    private AccessOutcome outcome(
            CommandMetadata metadata, String userId, Decision<GrantRules.Change> decision, String key) {
        if (decision instanceof Decision.Accepted<GrantRules.Change> accepted) {
            var change = accepted.result();
            io.onramp.schemas.UserAccess changed = null;
            if (change.count() > 0) {
                changed = AccessAvro.avro(change.access());
                access.put(key, changed);
            }
            return Outcomes.accepted(
                    metadata,
                    AccessAvro.RESOURCE_TYPE,
                    userId,
                    CommandOutcome.ACCEPTED,
                    change.access().version(),
                    change.count(),
                    changed);
        }
        return Outcomes.rejected(
                metadata, AccessAvro.RESOURCE_TYPE, userId, (Decision.Rejected<GrantRules.Change>) decision);
    }
}
