package io.onramp.timers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Durable timers kept in two state stores of a Streams task: one ordered by due time (key: 8-byte big-endian due
 * epoch-millis, then the timer id; Avro longs would not sort), one by timer id (value: due time and payload). Arming,
 * moving and cancelling touch one key in each (O(log n) in RocksDB); finding what is due reads only the due prefix of
 * the ordered store. Both stores are logged, so timers survive restarts and move with their task on a rebalance; what
 * a task changes in them commits in its exactly-once transaction together with what it forwards.
 *
 * <p>Fired timers leave deletion markers at the front of the ordered store until RocksDB compacts them away, and a
 * scan from the very first key would step over every one of them (with a million fired timers, seconds per scan). So
 * each instance remembers the key below which it has taken everything, and scans from there; arming a timer due
 * earlier moves that mark back.
 */
public final class Timers<V> {

    private static final int DUE_BYTES = Long.BYTES;
    private static final byte[] PRESENT = new byte[0];

    private final KeyValueStore<Bytes, byte[]> byDue;
    private final KeyValueStore<Bytes, byte[]> byId;
    private final Serde<V> payloads;
    private final String topic;
    /** Every key of the ordered store below this one has been taken: scans start here. */
    private Bytes takenBelow = Bytes.wrap(new byte[DUE_BYTES]);

    private Timers(
            KeyValueStore<Bytes, byte[]> byDue, KeyValueStore<Bytes, byte[]> byId, Serde<V> payloads, String topic) {
        this.byDue = byDue;
        this.byId = byId;
        this.payloads = payloads;
        this.topic = topic;
    }

    /** The two stores of timer store {@code name}, to add to the topology and connect to its owning processor. */
    public static List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> storeBuilders(String name) {
        // Caching off: a range scan over a cached store merges cache and RocksDB on every check, for no gain here.
        return List.of(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(byDueName(name)), Serdes.Bytes(), Serdes.ByteArray())
                        .withCachingDisabled(),
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(byIdName(name)), Serdes.Bytes(), Serdes.ByteArray())
                        .withCachingDisabled());
    }

    /**
     * The names of the stores of timer store {@code name}, after {@code others}: every store a processor that owns the
     * timers connects to.
     */
    public static String[] storeNames(String name, String... others) {
        String[] names = Arrays.copyOf(others, others.length + 2);
        names[others.length] = byDueName(name);
        names[others.length + 1] = byIdName(name);
        return names;
    }

    /** The timer store {@code name} of the processor's task, its payloads written with {@code payloads}. */
    public static <V> Timers<V> of(ProcessingContext context, String name, Serde<V> payloads) {
        return new Timers<>(
                context.getStateStore(byDueName(name)), context.getStateStore(byIdName(name)), payloads, name);
    }

    /** Arms the timer, or moves it if one with this id is armed already. */
    public void arm(String id, Instant due, V payload) {
        if (due.toEpochMilli() < 0) {
            // Big-endian keys sort as unsigned numbers: a negative time would sort after every real one.
            throw new IllegalArgumentException("a timer cannot fall due before 1970: " + due);
        }
        Bytes key = idKey(id);
        byte[] existing = byId.get(key);
        long dueMillis = due.toEpochMilli();
        if (existing != null) {
            long previous = ByteBuffer.wrap(existing).getLong();
            if (previous != dueMillis) {
                byDue.delete(dueKey(previous, id));
            }
        }
        byte[] payloadBytes =
                payload == null ? new byte[0] : payloads.serializer().serialize(topic, payload);
        byId.put(
                key,
                ByteBuffer.allocate(DUE_BYTES + payloadBytes.length)
                        .putLong(dueMillis)
                        .put(payloadBytes)
                        .array());
        Bytes dueKey = dueKey(dueMillis, id);
        byDue.put(dueKey, PRESENT);
        if (dueKey.compareTo(takenBelow) < 0) {
            takenBelow = dueKey;
        }
    }

    /** Disarms the timer; false if none was armed under this id. */
    public boolean cancel(String id) {
        Bytes key = idKey(id);
        byte[] existing = byId.delete(key);
        if (existing == null) {
            return false;
        }
        byDue.delete(dueKey(ByteBuffer.wrap(existing).getLong(), id));
        return true;
    }

    public Optional<Timer<V>> find(String id) {
        return Optional.ofNullable(byId.get(idKey(id))).map(value -> timer(id, value));
    }

    /**
     * Removes and returns the timers due at {@code now}, earliest first, at most {@code max} of them. The caller
     * forwards what they stand for in the same task, so removal and output commit together.
     */
    public List<Timer<V>> takeDue(Instant now, int max) {
        List<String> ids = new ArrayList<>();
        // Every key of a due time up to now sorts below the bare 8-byte prefix of now + 1 ms.
        Bytes upTo = Bytes.wrap(prefix(now.toEpochMilli() + 1));
        Bytes last = null;
        try (var due = byDue.range(takenBelow, upTo)) {
            while (due.hasNext() && ids.size() < max) {
                last = due.next().key;
                ids.add(idOf(last.get()));
            }
        }
        // Everything below upTo is taken now, or everything up to the last key taken: the next scan starts there.
        takenBelow = ids.size() < max ? upTo : successor(last);
        List<Timer<V>> taken = new ArrayList<>(ids.size());
        for (String id : ids) {
            byte[] value = byId.delete(idKey(id));
            Timer<V> timer = timer(id, value);
            byDue.delete(dueKey(timer.due().toEpochMilli(), id));
            taken.add(timer);
        }
        return taken;
    }

    /** An estimate of how many timers are armed (RocksDB's own estimate). */
    public long approximateCount() {
        return byId.approximateNumEntries();
    }

    private Timer<V> timer(String id, byte[] value) {
        var buffer = ByteBuffer.wrap(value);
        Instant due = Instant.ofEpochMilli(buffer.getLong());
        byte[] payloadBytes = Arrays.copyOfRange(value, DUE_BYTES, value.length);
        V payload = payloadBytes.length == 0 ? null : payloads.deserializer().deserialize(topic, payloadBytes);
        return new Timer<>(id, due, payload);
    }

    private static Bytes dueKey(long dueMillis, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(DUE_BYTES + idBytes.length)
                .putLong(dueMillis)
                .put(idBytes)
                .array());
    }

    /** The first key after {@code key} in byte order: the key with a zero byte appended. */
    private static Bytes successor(Bytes key) {
        return Bytes.wrap(Arrays.copyOf(key.get(), key.get().length + 1));
    }

    private static byte[] prefix(long dueMillis) {
        return ByteBuffer.allocate(DUE_BYTES).putLong(dueMillis).array();
    }

    private static String idOf(byte[] dueKey) {
        return new String(dueKey, DUE_BYTES, dueKey.length - DUE_BYTES, StandardCharsets.UTF_8);
    }

    private static Bytes idKey(String id) {
        return Bytes.wrap(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String byDueName(String name) {
        return name + "-by-due";
    }

    private static String byIdName(String name) {
        return name + "-by-id";
    }
}
