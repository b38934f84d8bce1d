package io.onramp.platform;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * UP once every Kafka listener of the service (its projections, above all: no command is answered before its outcome
 * is projected) has been assigned partitions at least once; DOWN before that, naming the listeners still waiting. A
 * listener that was assigned stays counted through later rebalances, as a Streams app does in
 * {@link KafkaStreamsHealth}.
 */
final class ListenerAssignmentHealth implements HealthIndicator {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final Set<String> assignedOnce = ConcurrentHashMap.newKeySet();

    ListenerAssignmentHealth(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Set<String> waiting = new TreeSet<>();
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners == null) {
            return Health.up().build();
        }
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String id = container.getListenerId();
            Collection<TopicPartition> assigned = container.getAssignedPartitions();
            if (assigned != null && !assigned.isEmpty()) {
                assignedOnce.add(id);
            }
            if (!assignedOnce.contains(id)) {
                waiting.add(id);
            }
        }
        return (waiting.isEmpty() ? Health.up() : Health.down().withDetail("notYetAssigned", waiting)).build();
    }
}
