package io.onramp.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service of the platform running from its executable jar as a child JVM, with the {@code dev} profile. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    /** Set to {@code true} to run services with the optimising compiler too (benchmarks). */
    public static final String FULL_JIT_PROPERTY = "onramp.devstack.full-jit";

    /**
     * Set to {@code true} to start services from a class-data archive of their build ({@code onramp run}): the first
     * run of a build records it when the service stops, later runs start from it, about 40% faster.
     */
    public static final String CLASS_DATA_SHARING_PROPERTY = "onramp.devstack.class-data-sharing";

    /** Time to stop and, the first time, write a class-data archive while the other services write theirs. */
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(90);

    private final String name;
    private final ChildProcess process;
    private final int port;
    /** The extraction whose archive this JVM records at exit, or null. */
    private final ExtractedJar recording;

    private ServiceProcess(String name, ChildProcess process, int port, ExtractedJar recording) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.recording = recording;
    }

    /** Starts the service and returns without waiting; see {@link #awaitHealthy()}. */
    public static ServiceProcess start(
            Service service, Map<String, String> environment, int port, Path logDir, String... extraArgs) {
        Ports.requireFree(port, service.module());
        var env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        var jar = ExtractedJar.of(service.executableJar(), logDir);
        var command = new ArrayList<>(jvm());
        ExtractedJar recording = null;
        if (Boolean.getBoolean(CLASS_DATA_SHARING_PROPERTY)) {
            var archive = jar.classDataArchive();
            if (archive.isPresent()) {
                command.add("-XX:SharedArchiveFile=" + archive.get());
            } else {
                command.add("-XX:ArchiveClassesAtExit=" + jar.archiveInProgress());
                // Else every class the archive cannot hold (generated accessors, …) is a warning in the service's log.
                command.add("-Xlog:cds=error");
                recording = jar;
            }
        }
        command.addAll(List.of("-jar", jar.applicationJar().toString(), "--spring.profiles.active=dev"));
        command.addAll(List.of(extraArgs));
        var child = ChildProcess.start(service.module(), command, env, logDir.resolve(service.module() + ".log"));
        return new ServiceProcess(service.module(), child, port, recording);
    }

    /**
     * Starts {@code mainClass} from {@code classpath} as a child JVM with exactly the services' JVM flags, so that a
     * benchmark's peer runs on the same terms as the services it is compared with; it listens on {@code SERVER_PORT}.
     */
    public static ServiceProcess startMain(
            String name, String mainClass, String classpath, Map<String, String> environment, int port, Path logDir) {
        Ports.requireFree(port, name);
        var env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        var command = new ArrayList<>(jvm());
        command.addAll(List.of("-cp", classpath, mainClass));
        return new ServiceProcess(
                name, ChildProcess.start(name, command, env, logDir.resolve(name + ".log")), port, null);
    }

    /** The JVM every service runs in. */
    private static List<String> jvm() {
        var command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
        if (!Boolean.getBoolean(FULL_JIT_PROPERTY)) {
            // Quick to start, which is what tests and a development stack want; benchmarks ask for the full JIT.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + BuildInfo.avroSerializablePackages());
        return command;
    }

    /** The operating system's process id, for per-process CPU accounting. */
    public long pid() {
        return process.pid();
    }

    public ServiceProcess awaitHealthy() {
        process.awaitReady(() -> Http.answers(url() + "/actuator/health", "\"UP\""), STARTUP);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The service's module name, or the name a {@link #startMain} process was given. */
    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return process.log();
    }

    /** Kills the JVM without letting it shut down, as a crash would. */
    public void kill() {
        process.kill();
    }

    /**
     * Stops every process at once, a thread each, and returns when all have: one after the other, each given its grace
     * period (and the first run of a build its class-data recording), they would take minutes. Not the common pool:
     * on two cores it runs one task at a time.
     */
    public static void closeAll(Collection<ServiceProcess> processes) {
        var stopping = processes.stream()
                .map(process -> new Thread(process::close, "stop-" + process.name()))
                .toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether this JVM writes its build's class-data archive when it stops, which makes that stop take longer. */
    public boolean recordsClassData() {
        return recording != null;
    }

    @Override
    public void close() {
        if (recording == null) {
            process.close();
        } else if (process.stop(RECORDING_GRACE)) {
            recording.keepArchive();
        }
    }
}
