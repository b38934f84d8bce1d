package io.onramp.bench.timers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The timer worker as a child JVM with the services' JVM flags, stopped gracefully or killed as a crash would. */
final class WorkerProcess {

    private static final Pattern USED = Pattern.compile("generation.*used (\\d+)K");

    private final Process process;
    private final Path log;
    private final Path stateDir;

    private WorkerProcess(Process process, Path log, Path stateDir) {
        this.process = process;
        this.log = log;
        this.stateDir = stateDir;
    }

    static WorkerProcess start(String bootstrapServers, Path stateDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            var command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms128m",
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TimerBenchWorker.class.getName(),
                    bootstrapServers,
                    stateDir.toString());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new WorkerProcess(process, log, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the timer worker", e);
        }
    }

    /** Waits until its Streams app first reports RUNNING; returns when that was seen. */
    Instant awaitRunning(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the timer worker exited; see " + log);
            }
            if (logContains(TimerBenchWorker.RUNNING_LINE)) {
                return Instant.now();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the timer worker did not run within " + timeout + "; see " + log);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Heap in use after a full collection, in MB, through the JDK's jcmd (forces a GC: call it while idle). */
    long heapUsedAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        long usedKb = 0;
        for (String line : jcmd("GC.heap_info").lines().toList()) {
            Matcher used = USED.matcher(line);
            if (used.find()) {
                usedKb += Long.parseLong(used.group(1));
            }
        }
        return usedKb / 1024;
    }

    /** Resident set size in MB (heap, RocksDB's native memory, everything). */
    long residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Bytes under the state directory: the RocksDB stores and their checkpoints. */
    long stateBytes() throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        var run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(run.getInputStream().readAllBytes());
        run.waitFor();
        return out;
    }

    private boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
