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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies grants and revocations to the ACCESS table, one user at a time (commands for a user share its key), checking
 * every interview id against the global catalogue.
 *
 * <p>The global catalogue can lag the interview's own 201: the client may name an interview that this instance's
 * global thread has not read yet. A command naming an interview the catalogue does not hold is therefore parked, with
 * every later command of the same user behind it so that one user's commands keep their order, and looked at again
 * every {@link #RECHECK}; it is decided as soon as the catalogue holds every id it names, or at the latest after
 * {@link #CATALOGUE_WAIT} (then as unknown interviews, 404). Parked commands live in a logged store, so a crash loses
 * none. Time here is the wall clock, as the lag is.
 */
final class AccessCommandProcessor implements Processor<String, AccessCommand, String, AccessOutcome> {

    static final Duration CATALOGUE_WAIT = Duration.ofSeconds(5);
    static final Duration RECHECK = Duration.ofMillis(20);
    private static final char SEPARATOR = '\u0000';

    private final Clock clock;
    private ProcessorContext<String, AccessOutcome> context;
    private KeyValueStore<String, io.onramp.schemas.UserAccess> access;
    private KeyValueStore<String, ValueAndTimestamp<InterviewDefinition>> catalog;
    private TimestampedKeyValueStore<String, AccessCommand> parked;
    /** The users with parked commands, as the parked store holds them: kept in memory to spare a look-up per command. */
    private final Set<String> parkedUsers = new HashSet<>();
    /** The last parked command's place in arrival order (commands arrive from two topics: offsets do not order them). */
    private long sequence;

    AccessCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.access = context.getStateStore(AccessTopology.ACCESS_STORE);
        this.catalog = context.getStateStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
        this.parked = context.getStateStore(AccessTopology.AWAITING_CATALOGUE_STORE);
        try (var all = parked.all()) {
            all.forEachRemaining(entry -> {
                parkedUsers.add(userOf(entry.key));
                sequence = Math.max(sequence, sequenceOf(entry.key));
            });
        }
        context.schedule(RECHECK, PunctuationType.WALL_CLOCK_TIME, now -> recheck(now));
    }

    @Override
    public void process(Record<String, AccessCommand> record) {
        long now = context.currentSystemTimeMs();
        Set<String> known = parkedUsers.contains(record.key()) ? null : known(record.value());
        if (known == null || known.size() < distinctIds(record.value())) {
            parked.put(parkedKey(record.key(), ++sequence), ValueAndTimestamp.make(record.value(), now));
            parkedUsers.add(record.key());
            return;
        }
        decide(record.key(), record.value(), known, record.timestamp(), record.headers());
    }

    /** Decides each user's parked commands in order, up to the first that still waits for the catalogue. */
    private void recheck(long now) {
        if (parkedUsers.isEmpty()) {
            return;
        }
        List<String> decided = new ArrayList<>();
        Set<String> waiting = new HashSet<>();
        try (var all = parked.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                String user = userOf(entry.key);
                if (waiting.contains(user)) {
                    continue;
                }
                AccessCommand command = entry.value.value();
                boolean expired = now - entry.value.timestamp() >= CATALOGUE_WAIT.toMillis();
                Set<String> known = known(command);
                if (!expired && known.size() < distinctIds(command)) {
                    waiting.add(user);
                    continue;
                }
                decide(user, command, known, now, new RecordHeaders());
                decided.add(entry.key);
            }
        }
        decided.forEach(parked::delete);
        parkedUsers.retainAll(waiting);
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

    private static int distinctIds(AccessCommand command) {
        return new HashSet<>(interviewIds(command)).size();
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
        var stored = access.get(key);
        UserAccess current = stored == null ? UserAccess.none(tenant, userId) : AccessAvro.userAccess(stored);
        var decision = rule.decide(current, interviewIds(command), known::contains, clock.instant());
        return outcome(metadata, userId, decision, key);
    }

    /** Parked commands sort by user, then by arrival. */
    private static String parkedKey(String user, long sequence) {
        return user + SEPARATOR + String.format("%019d", sequence);
    }

    private static String userOf(String parkedKey) {
        return parkedKey.substring(0, parkedKey.lastIndexOf(SEPARATOR));
    }

    private static long sequenceOf(String parkedKey) {
        return Long.parseLong(parkedKey.substring(parkedKey.lastIndexOf(SEPARATOR) + 1));
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
