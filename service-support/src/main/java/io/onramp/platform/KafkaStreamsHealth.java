package io.onramp.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP once the service's Streams app can decide commands: RUNNING with at least one active task (restored, since
 * RUNNING waits for restoration), and from then on for as long as it is running or rebalancing; DOWN while it starts,
 * and once it has failed or stopped. Start-up scripts wait on it, so that the first command a client sends is not
 * held up by the initial rebalances. RUNNING alone is not enough: on a fresh cluster the first assignment can come
 * before every source topic exists, leaving the app RUNNING with no task until a follow-up rebalance.
 */
final class KafkaStreamsHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;
    private final AtomicBoolean ready = new AtomicBoolean();

    KafkaStreamsHealth(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        int activeTasks = state == KafkaStreams.State.RUNNING ? activeTasks(streams) : 0;
        boolean up = isUp(state, activeTasks, ready.get());
        if (up) {
            ready.set(true);
        }
        return (up ? Health.up() : Health.down())
                .withDetail("state", state.name())
                .withDetail("activeTasks", activeTasks)
                .build();
    }

    /** Whether a Streams app in {@code state}, holding {@code activeTasks}, is ready, given it {@code wasReady}. */
    static boolean isUp(KafkaStreams.State state, int activeTasks, boolean wasReady) {
        if (state == KafkaStreams.State.RUNNING) {
            return activeTasks > 0 || wasReady;
        }
        return state == KafkaStreams.State.REBALANCING && wasReady;
    }

    private static int activeTasks(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::activeTasks)
                .mapToInt(java.util.Set::size)
                .sum();
    }
}
