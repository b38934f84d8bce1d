package io.onramp.timers;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The stores of a timer store, in memory, for processors and punctuators tested with a {@link MockProcessorContext}. */
public final class InMemoryTimerStores {

    private InMemoryTimerStores() {}

    public static void register(MockProcessorContext<?, ?> context, String name) {
        for (String storeName : Timers.storeNames(name)) {
            KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                            Stores.inMemoryKeyValueStore(storeName), Serdes.Bytes(), Serdes.ByteArray())
                    .withLoggingDisabled()
                    .build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
    }
}
