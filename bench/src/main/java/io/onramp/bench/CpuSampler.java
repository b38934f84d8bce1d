package io.onramp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time per process of the benchmark's stack, from {@code /proc/<pid>/stat} (user + system, the process and all
 * its descendants, so that PostgreSQL counts its backends; the benchmark's own JVM alone), so that each cell can say where its cores went and
 * whether the machine was saturated. Linux only; elsewhere every figure is zero.
 */
final class CpuSampler {

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> processes;

    /** @param processes the name to print for each process id */
    CpuSampler(Map<String, Long> processes) {
        this.processes = new LinkedHashMap<>(processes);
    }

    /** CPU seconds used so far by each named process, children included. */
    Map<String, Double> sample() {
        var seconds = new LinkedHashMap<String, Double>();
        processes.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
        return seconds;
    }

    /**
     * The topmost process whose command line contains every marker (PostgreSQL's postmaster, which its start script
     * leaves to init, rather than one of its backends; the registry).
     */
    static long process(String... markers) {
        return ProcessHandle.allProcesses()
                .filter(process -> matches(process, markers))
                .filter(process -> process.parent()
                        .filter(parent -> matches(parent, markers))
                        .isEmpty())
                .findFirst()
                .map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no process runs " + String.join(" ", markers)));
    }

    private static boolean matches(ProcessHandle process, String... markers) {
        String commandLine = process.info().commandLine().orElse("");
        return Stream.of(markers).allMatch(commandLine::contains);
    }

    /** Cores used by each process between two samples taken {@code wallSeconds} apart, as "name 0.42" pairs. */
    static String coresBetween(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        double total = 0;
        var parts = new StringBuilder();
        for (var entry : after.entrySet()) {
            double cores = (entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)) / wallSeconds;
            total += cores;
            parts.append("%s %.2f  ".formatted(entry.getKey(), cores));
        }
        return parts.append("= %.2f cores".formatted(total)).toString();
    }

    /** This JVM is counted alone: its descendants are the other processes. */
    private static double cpuSeconds(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return ticks(pid) / TICKS_PER_SECOND;
        }
        return ProcessHandle.of(pid)
                        .map(handle -> Stream.concat(Stream.of(handle), handle.descendants())
                                .collect(Collectors.summingLong(process -> ticks(process.pid()))))
                        .orElse(0L)
                / TICKS_PER_SECOND;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
