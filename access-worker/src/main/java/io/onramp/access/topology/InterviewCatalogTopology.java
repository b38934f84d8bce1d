package io.onramp.access.topology;

import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The interview catalogue: catalogue commands are decided per interview, every outcome goes to the access-worker's
 * outcome topic (for the read model and the reply), and accepted definitions to the compacted {@code interviews}
 * topic, which every instance reads back whole as a global table for lookups by interview from any partition.
 */
public final class InterviewCatalogTopology {

    static final String CATALOG_STORE = "interview-catalog";
    public static final String GLOBAL_CATALOG_STORE = "interview-catalog-global";

    private final Topics topics;
    private final Clock clock;

    public InterviewCatalogTopology(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        var commands = topics.interviewCommands;
        var interviews = topics.interviews;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CATALOG_STORE), interviews.keySerde(), interviews.valueSerde()));

        KStream<String, AccessOutcome> outcomes = builder.stream(
                        commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()))
                .processValues(() -> new CatalogCommandProcessor(clock), CATALOG_STORE);

        outcomes.to(
                topics.accessOutcomes.name(),
                Produced.with(topics.accessOutcomes.keySerde(), topics.accessOutcomes.valueSerde()));
        outcomes.filter((key, outcome) -> outcome.getChange() instanceof InterviewDefinition)
                .mapValues(outcome -> (InterviewDefinition) outcome.getChange())
                .to(interviews.name(), Produced.with(interviews.keySerde(), interviews.valueSerde()));

        builder.globalTable(
                interviews.name(),
                Consumed.with(interviews.keySerde(), interviews.valueSerde()),
                Materialized.<String, InterviewDefinition, KeyValueStore<Bytes, byte[]>>as(GLOBAL_CATALOG_STORE)
                        .withKeySerde(interviews.keySerde())
                        .withValueSerde(interviews.valueSerde()));
    }
}
