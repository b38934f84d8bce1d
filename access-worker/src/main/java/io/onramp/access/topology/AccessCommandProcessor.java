package io.onramp.access.topology;

import io.onramp.access.domain.GrantRules;
import io.onramp.access.domain.UserAccess;
import io.onramp.domain.Decision;
import io.onramp.platform.MappedStore;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies grants and revocations to the ACCESS table, one user at a time (commands for a user share its key), checking
 * every interview id against the global catalogue; a command naming an interview the catalogue does not hold yet
 * waits for it, behind which the user's later commands wait too ({@link CatalogueWait}).
 */
final class AccessCommandProcessor implements Processor<String, AccessCommand, String, AccessOutcome> {

    private final Clock clock;
    private ProcessorContext<String, AccessOutcome> context;
    private MappedStore<UserAccess> access;
    private KeyValueStore<String, ValueAndTimestamp<InterviewDefinition>> catalog;
    private CatalogueWait<AccessCommand, Set<String>> waiting;

    AccessCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.access = MappedStore.of(
                context.getStateStore(AccessTopology.ACCESS_STORE), AccessAvro::userAccess, AccessAvro::avro);
        this.catalog = context.getStateStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
        this.waiting = new CatalogueWait<>(
                context,
                AccessTopology.AWAITING_CATALOGUE_STORE,
                this::known,
                (command, known) -> known.size() == new HashSet<>(interviewIds(command)).size(),
                this::decide);
    }

    @Override
    public void process(Record<String, AccessCommand> record) {
        waiting.offer(record);
    }

    /** Decides with the catalogue as {@code known} saw it: each id is looked up once per decision. */
    private void decide(String key, AccessCommand command, Set<String> known, long timestamp, Headers headers) {
        Rule rule = command.getPayload() instanceof GrantAccess ? GrantRules::grant : GrantRules::revoke;
        context.forward(new Record<>(key, apply(key, command, known, rule), timestamp, headers));
    }

    /** The ids the command names that the catalogue holds. */
    private Set<String> known(AccessCommand command) {
        String tenant = command.getMetadata().getTenantId();
        Set<String> known = new HashSet<>();
        for (String id : interviewIds(command)) {
            if (catalog.get(Keys.of(tenant, id)) != null) {
                known.add(id);
            }
        }
        return known;
    }

    private static String userId(AccessCommand command) {
        return command.getPayload() instanceof GrantAccess grant
                ? grant.getUserId()
                : ((RevokeAccess) command.getPayload()).getUserId();
    }

    private static List<String> interviewIds(AccessCommand command) {
        return command.getPayload() instanceof GrantAccess grant
                ? grant.getInterviewIds()
                : ((RevokeAccess) command.getPayload()).getInterviewIds();
    }

    /** {@link GrantRules#grant} or {@link GrantRules#revoke}. */
    @FunctionalInterface
    private interface Rule {
        Decision<GrantRules.Change> decide(
                UserAccess current, List<String> interviewIds, Predicate<String> exists, Instant now);
    }

    private AccessOutcome apply(String key, AccessCommand command, Set<String> known, Rule rule) {
        String userId = userId(command);
        CommandMetadata metadata = command.getMetadata();
        String tenant = metadata.getTenantId();
        UserAccess current = access.get(key).orElseGet(() -> UserAccess.none(tenant, userId));
        var decision = rule.decide(current, interviewIds(command), known::contains, clock.instant());
        return outcome(metadata, userId, decision, key);
    }

    private AccessOutcome outcome(
            CommandMetadata metadata, String userId, Decision<GrantRules.Change> decision, String key) {
        if (decision instanceof Decision.Accepted<GrantRules.Change> accepted) {
            var change = accepted.result();
            Object changed = change.count() > 0 ? access.put(key, change.access()) : null;
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
