package io.onramp.access.topology;

import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Attempt;
import io.onramp.schemas.AttemptCommand;
import io.onramp.schemas.Topics;
import io.onramp.timers.TimerSettings;
import io.onramp.timers.Timers;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Attempts: started, completed, archived and expired, each start decided against the owner's grants. Attempt
 * commands are keyed by tenant and owner like ACCESS rows, and the processor reads {@link AccessTopology}'s store, so
 * both run in one sub-topology and a start is decided beside the owner's grants, in the same task: build this after
 * {@link AccessTopology}. A start naming an interview the catalogue has not read yet waits for it; an attempt still in
 * progress at its scheduled end expires on a durable timer. Outcomes go to the access-worker's outcome topic; every
 * attempt as it is after a change also goes to the public {@code attempt-events}, which other services read.
 */
public final class AttemptTopology {

    static final String ATTEMPTS_STORE = "attempts";
    static final String ATTEMPTS_AWAITING_CATALOGUE_STORE = "attempts-awaiting-catalogue";
    static final String SCHEDULED_ENDS = "attempt-scheduled-ends";

    private final Topics topics;
    private final Clock clock;
    private final TimerSettings timerSettings;

    public AttemptTopology(Topics topics, Clock clock, TimerSettings timerSettings) {
        this.topics = topics;
        this.clock = clock;
        this.timerSettings = timerSettings;
    }

    public void build(StreamsBuilder builder) {
        var attemptCommands = topics.attemptCommands;
        var outcomes = topics.accessOutcomes;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ATTEMPTS_STORE),
                attemptCommands.keySerde(),
                topics.storeSerde(Attempt.class)));
        Timers.storeBuilders(SCHEDULED_ENDS).forEach(builder::addStateStore);
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(ATTEMPTS_AWAITING_CATALOGUE_STORE),
                Serdes.String(),
                topics.storeSerde(AttemptCommand.class)));
        KStream<String, AccessOutcome> decided = builder.stream(
                        attemptCommands.name(), Consumed.with(attemptCommands.keySerde(), attemptCommands.valueSerde()))
                .process(
                        () -> new AttemptCommandProcessor(clock, timerSettings),
                        Timers.storeNames(
                                SCHEDULED_ENDS,
                                AccessTopology.ACCESS_STORE,
                                ATTEMPTS_STORE,
                                ATTEMPTS_AWAITING_CATALOGUE_STORE));
        decided.to(outcomes.name(), Produced.with(outcomes.keySerde(), outcomes.valueSerde()));
        // Every changed attempt, for other services, in the same transaction as the decision.
        var events = topics.attemptEvents;
        decided.filter((key, outcome) -> outcome.getChange() instanceof Attempt)
                .mapValues(outcome -> (Attempt) outcome.getChange())
                .to(events.name(), Produced.with(events.keySerde(), events.valueSerde()));
    }
}
