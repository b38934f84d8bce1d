package io.onramp.bench.timers;

import java.util.Arrays;

/** Percentiles of firing delays (fired minus due), in milliseconds. */
record Delays(int count, long p50, long p99, long max) {

    static Delays of(long[] delays) {
        long[] sorted = delays.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Delays(0, -1, -1, -1);
        }
        return new Delays(sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
