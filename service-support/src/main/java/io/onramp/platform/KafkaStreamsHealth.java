package io.onramp.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP once the service's Streams app has first reached RUNNING, and for as long as it is running or rebalancing
 * since; DOWN while it starts, and once it has failed or stopped. Start-up scripts wait on it, so the first command a
 * client sends is not held up by the initial rebalance.
 */
final class KafkaStreamsHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;
    private final AtomicBoolean ranOnce = new AtomicBoolean();

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
        if (state == KafkaStreams.State.RUNNING) {
            ranOnce.set(true);
        }
        boolean up = state == KafkaStreams.State.RUNNING || (state == KafkaStreams.State.REBALANCING && ranOnce.get());
        return (up ? Health.up() : Health.down())
                .withDetail("state", state.name())
                .build();
    }
}
