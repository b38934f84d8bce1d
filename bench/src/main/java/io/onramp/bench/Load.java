package io.onramp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Drives one operation from N client threads, each waiting for its answer before the next, for a fixed time. */
final class Load {

    @FunctionalInterface
    interface Operation {
        /** @return whether the call succeeded */
        boolean call(int client) throws Exception;
    }

    record Result(
            int clients,
            long calls,
            long errors,
            double p50Millis,
            double p99Millis,
            double meanMillis,
            double perSecond,
            double seconds) {}

    private Load() {}

    static Result run(int clients, Duration warmUp, Duration measured, Operation operation)
            throws InterruptedException {
        drive(clients, warmUp, operation, new ArrayList<>(), new AtomicLong());
        List<long[]> latencies = new ArrayList<>();
        var errors = new AtomicLong();
        long started = System.nanoTime();
        drive(clients, measured, operation, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream()
                .flatMapToLong(Arrays::stream)
                .filter(l -> l > 0)
                .sorted()
                .toArray();
        double mean =
                all.length == 0 ? Double.NaN : Arrays.stream(all).average().orElseThrow() / 1e6;
        return new Result(
                clients,
                all.length,
                errors.get(),
                percentile(all, 0.50),
                percentile(all, 0.99),
                mean,
                all.length / seconds,
                seconds);
    }

    private static void drive(
            int clients, Duration duration, Operation operation, List<long[]> latencies, AtomicLong errors)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] samples = new long[2_000_000];
            synchronized (latencies) {
                latencies.add(samples);
            }
            new Thread(() -> {
                        int n = 0;
                        try {
                            while (System.nanoTime() < deadline && n < samples.length) {
                                long start = System.nanoTime();
                                if (succeeds(operation, client)) {
                                    samples[n++] = System.nanoTime() - start;
                                } else {
                                    errors.incrementAndGet();
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        done.await();
    }

    /** A call that fails, by its answer or by an exception, is an error; its client goes on with the next call. */
    private static boolean succeeds(Operation operation, int client) {
        try {
            return operation.call(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
