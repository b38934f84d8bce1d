package io.onramp.bench.timers;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What happened to each timer (or task) of a run, by index: how often it fired, when it fired and when its effect
 * became visible. Written by any number of threads, one index at a time.
 */
final class Executions {

    private final AtomicIntegerArray counts;
    private final AtomicLongArray firedAt;
    private final AtomicLongArray visibleAt;

    Executions(int capacity) {
        counts = new AtomicIntegerArray(capacity);
        firedAt = new AtomicLongArray(capacity);
        visibleAt = new AtomicLongArray(capacity);
    }

    void record(int index, long fired, long visible) {
        firedAt.set(index, fired);
        visibleAt.set(index, visible);
        counts.incrementAndGet(index);
    }

    /** Waits until every one of {@code [from, from + count)} ran once at least, or the deadline passed. */
    boolean awaitAll(int from, int count, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (ran(from, count) == count) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private int ran(int from, int count) {
        int ran = 0;
        for (int i = from; i < from + count; i++) {
            if (counts.get(i) > 0) {
                ran++;
            }
        }
        return ran;
    }

    Outcome outcome(int from, int count, long[] due) {
        long[] fired = new long[count];
        long[] visible = new long[count];
        int n = 0;
        int duplicates = 0;
        int missing = 0;
        long lastVisible = 0;
        for (int i = from; i < from + count; i++) {
            int c = counts.get(i);
            if (c == 0) {
                missing++;
                continue;
            }
            duplicates += c - 1;
            fired[n] = firedAt.get(i) - due[i];
            visible[n] = visibleAt.get(i) - due[i];
            lastVisible = Math.max(lastVisible, visibleAt.get(i));
            n++;
        }
        return new Outcome(
                Delays.of(Arrays.copyOf(fired, n)),
                Delays.of(Arrays.copyOf(visible, n)),
                duplicates,
                missing,
                Instant.ofEpochMilli(lastVisible));
    }

    /**
     * @param fired delay from the due time to firing (the timer worker's punctuation, db-scheduler's handler)
     * @param visible delay from the due time to its effect being visible (committed and read by a consumer)
     * @param lastVisible when the last of them became visible
     */
    record Outcome(Delays fired, Delays visible, int duplicates, int missing, Instant lastVisible) {}
}
