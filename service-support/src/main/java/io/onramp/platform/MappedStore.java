package io.onramp.platform;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A Kafka Streams store of Avro records, seen by a processor as the domain values they hold: the mapping between the
 * two is given once, where the store is opened. Avro contracts and domain records share their names (an
 * {@code Attempt} is an {@code Attempt}), so a processor that kept both apart by hand had to spell one of them out in
 * full; with this it names only the domain's, and the mapping class is the one place both meet.
 *
 * @param <D> the domain value
 */
public final class MappedStore<D> {

    private final Binding<D, ?> binding;

    private MappedStore(Binding<D, ?> binding) {
        this.binding = binding;
    }

    /** {@code store} read through {@code read} and written through {@code write}. */
    public static <D, A> MappedStore<D> of(KeyValueStore<String, A> store, Function<A, D> read, Function<D, A> write) {
        return new MappedStore<>(new Binding<>(store, read, write));
    }

    /** A lookup in a global (timestamped, read-only) table, through {@code read}. */
    public static <D, A> Function<String, Optional<D>> lookup(
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<A>> table, Function<A, D> read) {
        return key -> Optional.ofNullable(table.get(key))
                .map(ValueAndTimestamp::value)
                .map(read);
    }

    public Optional<D> get(String key) {
        return binding.get(key);
    }

    /** Stores {@code value}; returns the record written, for the outcome that carries the change. */
    public Object put(String key, D value) {
        return binding.put(key, value);
    }

    public void delete(String key) {
        binding.store.delete(key);
    }

    /** Every entry of this task's store. */
    public void forEach(BiConsumer<String, D> action) {
        binding.forEach(action);
    }

    private record Binding<D, A>(KeyValueStore<String, A> store, Function<A, D> read, Function<D, A> write) {

        Optional<D> get(String key) {
            return Optional.ofNullable(store.get(key)).map(read);
        }

        A put(String key, D value) {
            A record = write.apply(value);
            store.put(key, record);
            return record;
        }

        void forEach(BiConsumer<String, D> action) {
            try (var all = store.all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    action.accept(entry.key, read.apply(entry.value));
                }
            }
        }
    }
}
