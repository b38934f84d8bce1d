package io.onramp.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service of the platform running from its executable jar as a child JVM, with the {@code dev} profile. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    /** Set to {@code true} to run services with the optimising compiler too (benchmarks). */
    public static final String FULL_JIT_PROPERTY = "onramp.devstack.full-jit";

    private final Service service;
    private final ChildProcess process;
    private final int port;

    private ServiceProcess(Service service, ChildProcess process, int port) {
        this.service = service;
        this.process = process;
        this.port = port;
    }

    /** Starts the service and returns without waiting; see {@link #awaitHealthy()}. */
    public static ServiceProcess start(
            Service service, Map<String, String> environment, int port, Path logDir, String... extraArgs) {
        Ports.requireFree(port, service.module());
        var env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        var command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
        if (!Boolean.getBoolean(FULL_JIT_PROPERTY)) {
            // Quick to start, which is what tests and a development stack want; benchmarks ask for the full JIT.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + BuildInfo.avroSerializablePackages(),
                "-jar",
                service.executableJar().toString(),
                "--spring.profiles.active=dev"));
        command.addAll(List.of(extraArgs));
        var child = ChildProcess.start(service.module(), command, env, logDir.resolve(service.module() + ".log"));
        return new ServiceProcess(service, child, port);
    }

    public ServiceProcess awaitHealthy() {
        process.awaitReady(() -> Http.answers(url() + "/actuator/health", "\"UP\""), STARTUP);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Service service() {
        return service;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return process.log();
    }

    /** Kills the JVM without letting it shut down, as a crash would. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        process.close();
    }
}
