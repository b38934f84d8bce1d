package io.onramp.access.topology;

import io.onramp.access.domain.Decision;
import io.onramp.access.domain.GrantRules;
import io.onramp.access.domain.UserAccess;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.Keys;
import io.onramp.schemas.RevokeAccess;
import java.time.Clock;
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
        var metadata = record.value().getMetadata();
        String tenant = metadata.getTenantId();
        Object payload = record.value().getPayload();
        boolean granting = payload instanceof GrantAccess;
        String userId = granting ? ((GrantAccess) payload).getUserId() : ((RevokeAccess) payload).getUserId();
        List<String> ids =
                granting ? ((GrantAccess) payload).getInterviewIds() : ((RevokeAccess) payload).getInterviewIds();

        var stored = access.get(record.key());
        UserAccess current = stored == null ? UserAccess.none(tenant, userId) : AccessAvro.userAccess(stored);
        Predicate<String> exists = id -> catalog.get(Keys.of(tenant, id)) != null;
        var decision = granting
                ? GrantRules.grant(current, ids, exists, clock.instant())
                : GrantRules.revoke(current, ids, exists, clock.instant());

        context.forward(record.withValue(outcome(metadata, userId, decision, record.key())));
    }

    private AccessOutcome outcome(
            io.onramp.schemas.CommandMetadata metadata,
            String userId,
            Decision<GrantRules.Change> decision,
            String key) {
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
