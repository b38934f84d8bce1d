package io.onramp.access.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Commands waiting for the global interview catalogue to catch up with the interviews they name.
 *
 * <p>The global catalogue can lag the interview's own 201: a client may name an interview that this instance's global
 * thread has not read yet. Such a command is parked, with every later command of the same key behind it so that one
 * key's commands keep their order, and looked at again every {@link #RECHECK}; it is decided as soon as the catalogue
 * holds what it names, or at the latest after {@link #WAIT} (then with what the catalogue holds: unknown interviews are
 * a 404). Parked commands live in a logged store, so a crash loses none. Time here is the wall clock, as the lag is.
 *
 * @param <C> the command
 * @param <F> what the catalogue was found to hold for a command: looked up once per decision
 */
final class CatalogueWait<C, F> {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration RECHECK = Duration.ofMillis(20);
    private static final char SEPARATOR = '\u0000';

    /** Decides a command with what its look-up found. */
    @FunctionalInterface
    interface Decider<C, F> {
        void decide(String key, C command, F found, long timestamp, Headers headers);
    }

    private final ProcessorContext<?, ?> context;
    private final TimestampedKeyValueStore<String, C> parked;
    private final Function<C, F> find;
    private final BiPredicate<C, F> complete;
    private final Decider<C, F> decider;
    /** The keys with parked commands, as the store holds them: kept in memory to spare a look-up per command. */
    private final Set<String> parkedKeys = new HashSet<>();
    /** The last parked command's place in arrival order (commands may arrive from several topics). */
    private long sequence;

    /**
     * Resumes what {@code store} holds and rechecks it every {@link #RECHECK} from now on.
     *
     * @param find looks a command's interviews up in the catalogue
     * @param complete whether what {@code find} found is all the command names
     */
    CatalogueWait(
            ProcessorContext<?, ?> context,
            String store,
            Function<C, F> find,
            BiPredicate<C, F> complete,
            Decider<C, F> decider) {
        this.context = context;
        this.parked = context.getStateStore(store);
        this.find = find;
        this.complete = complete;
        this.decider = decider;
        try (var all = parked.all()) {
            all.forEachRemaining(entry -> {
                parkedKeys.add(keyOf(entry.key));
                sequence = Math.max(sequence, sequenceOf(entry.key));
            });
        }
        context.schedule(RECHECK, PunctuationType.WALL_CLOCK_TIME, this::recheck);
    }

    /** Decides the command now if nothing of its key waits and the catalogue holds what it names; else parks it. */
    void offer(Record<String, C> record) {
        if (!parkedKeys.contains(record.key())) {
            F found = find.apply(record.value());
            if (complete.test(record.value(), found)) {
                decider.decide(record.key(), record.value(), found, record.timestamp(), record.headers());
                return;
            }
        }
        long now = context.currentSystemTimeMs();
        parked.put(parkedKey(record.key(), ++sequence), ValueAndTimestamp.make(record.value(), now));
        parkedKeys.add(record.key());
    }

    /** Decides each key's parked commands in order, up to the first that still waits for the catalogue. */
    private void recheck(long now) {
        if (parkedKeys.isEmpty()) {
            return;
        }
        List<String> decided = new ArrayList<>();
        Set<String> waiting = new HashSet<>();
        try (var all = parked.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                String key = keyOf(entry.key);
                if (waiting.contains(key)) {
                    continue;
                }
                C command = entry.value.value();
                boolean expired = now - entry.value.timestamp() >= WAIT.toMillis();
                F found = find.apply(command);
                if (!expired && !complete.test(command, found)) {
                    waiting.add(key);
                    continue;
                }
                decider.decide(key, command, found, now, new RecordHeaders());
                decided.add(entry.key);
            }
        }
        decided.forEach(parked::delete);
        parkedKeys.retainAll(waiting);
    }

    /** Parked commands sort by key, then by arrival. */
    private static String parkedKey(String key, long sequence) {
        return key + SEPARATOR + String.format("%019d", sequence);
    }

    private static String keyOf(String parkedKey) {
        return parkedKey.substring(0, parkedKey.lastIndexOf(SEPARATOR));
    }

    private static long sequenceOf(String parkedKey) {
        return Long.parseLong(parkedKey.substring(parkedKey.lastIndexOf(SEPARATOR) + 1));
    }
}
