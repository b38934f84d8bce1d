package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

class MappedStoreTest {

    /** The domain value; the store holds its text, as a store of Avro records holds the contract's. */
    record Count(int value) {}

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private final KeyValueStore<String, String> stored =
            open(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.String())
                    .withLoggingDisabled()
                    .build());
    private final MappedStore<Count> counts =
            MappedStore.of(stored, text -> new Count(Integer.parseInt(text)), count -> Integer.toString(count.value()));

    @Test
    void readsAndWritesTheDomainValueAndStoresItsMapping() {
        assertThat(counts.get("a")).isEmpty();

        Object written = counts.put("a", new Count(3));

        assertThat(written).isEqualTo("3");
        assertThat(stored.get("a")).isEqualTo("3");
        assertThat(counts.get("a")).contains(new Count(3));
    }

    @Test
    void deletesAndVisitsEveryEntryMapped() {
        counts.put("a", new Count(1));
        counts.put("b", new Count(2));
        counts.put("c", new Count(3));
        counts.delete("b");

        Map<String, Count> seen = new LinkedHashMap<>();
        counts.forEach(seen::put);

        assertThat(seen).containsExactly(Map.entry("a", new Count(1)), Map.entry("c", new Count(3)));
    }

    @Test
    void looksUpAGlobalTableThroughTheMapping() {
        TimestampedKeyValueStore<String, String> table = open(Stores.timestampedKeyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("table"), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build());
        table.put("a", ValueAndTimestamp.make("7", 1L));
        var lookup = MappedStore.lookup(table, text -> new Count(Integer.parseInt(text)));

        assertThat(lookup.apply("a")).contains(new Count(7));
        assertThat(lookup.apply("b")).isEmpty();
    }

    private <S extends org.apache.kafka.streams.processor.StateStore> S open(S store) {
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
