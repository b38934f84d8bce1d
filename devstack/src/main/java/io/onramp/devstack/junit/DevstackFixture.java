package io.onramp.devstack.junit;

import io.onramp.devstack.Devstack;
import io.onramp.devstack.DevstackOptions;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.Ports;
import io.onramp.devstack.Service;
import io.onramp.devstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The infrastructure, and any service started as a process, once per test JVM. They stop when the JVM exits, after
 * Spring Boot's shutdown hook has closed every test context, so that Streams and listeners never outlive the broker
 * they talk to and no child process outlives the JVM.
 */
public final class DevstackFixture {

    /** The thread in which Spring Boot closes every application context at JVM exit. */
    private static final String SPRING_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

    private static final Duration CONTEXTS_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static Infrastructure infrastructure;
    private static final Map<Service, ServiceProcess> SERVICES = new EnumMap<>(Service.class);
    private static final Map<Service, ServiceProcess> SECOND_INSTANCES = new EnumMap<>(Service.class);

    private DevstackFixture() {}

    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            infrastructure = Devstack.start(DevstackOptions.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(DevstackFixture::stopAfterSpring, "devstack-shutdown"));
        }
        return infrastructure;
    }

    /** The service running as a child process from its executable jar, healthy. */
    public static synchronized ServiceProcess service(Service service) {
        return running(SERVICES, service, environment(), logs());
    }

    /**
     * The services' environment in tests: the infrastructure's, with database connections given up on after 1 s
     * rather than 5, so that tests stopping PostgreSQL see a service's retries run out within seconds.
     */
    private static Map<String, String> environment() {
        var environment = new HashMap<>(infrastructure().serviceEnvironment());
        environment.put("DATABASE_CONNECT_TIMEOUT_MS", "1000");
        return environment;
    }

    /**
     * Another instance of the service, beside {@link #service(Service)}'s: same Kafka application id and consumer
     * groups, its own port, Streams state folder and log, so that the two share the partitions between them.
     */
    public static synchronized ServiceProcess secondInstance(Service service) {
        Infrastructure infra = infrastructure();
        var environment = environment();
        environment.put(
                "STREAMS_STATE_DIR", infra.dataDir().resolve("streams-state-2").toString());
        return running(SECOND_INSTANCES, service, environment, logs().resolve("second-instance"));
    }

    /** The instance {@code instances} holds for the service, started (and awaited healthy) if it is not alive. */
    private static ServiceProcess running(
            Map<Service, ServiceProcess> instances, Service service, Map<String, String> environment, Path logs) {
        var running = instances.get(service);
        if (running == null || !running.isAlive()) {
            running = ServiceProcess.start(service, environment, Ports.free(), logs)
                    .awaitHealthy();
            instances.put(service, running);
        }
        return running;
    }

    private static Path logs() {
        return Path.of(System.getProperty("java.io.tmpdir"), "service-logs");
    }

    private static void stopAfterSpring() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(SPRING_SHUTDOWN_HOOK))
                .forEach(DevstackFixture::joinQuietly);
        stopAll();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(CONTEXTS_CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void stopAll() {
        List<ServiceProcess> toStop = new ArrayList<>(SECOND_INSTANCES.values());
        toStop.addAll(SERVICES.values());
        SECOND_INSTANCES.clear();
        SERVICES.clear();
        // All at once: one after the other, each given its grace period, they outlast the time the test runner gives
        // a finished JVM to exit, and whatever is still running when it is killed outlives it.
        ServiceProcess.closeAll(toStop);
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }
}
