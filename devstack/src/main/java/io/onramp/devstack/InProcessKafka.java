package io.onramp.devstack;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One or three KRaft nodes inside this JVM, on random ports: the test fixture's broker (starts in 1–4 s). */
final class InProcessKafka implements KafkaNodes {

    private final EmbeddedKafkaKraftBroker broker;
    private final int size;

    InProcessKafka(int size) {
        this.size = size;
        this.broker = new EmbeddedKafkaKraftBroker(size, 12);
        broker.brokerProperties(BrokerDefaults.forNodes(size));
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void close() {
        broker.destroy();
    }

    /** Broker settings shared by both ways of running Kafka. */
    static final class BrokerDefaults {

        private BrokerDefaults() {}

        static Map<String, String> forNodes(int nodes) {
            String replication = Integer.toString(Math.min(nodes, 3));
            String minIsr = nodes == 1 ? "1" : "2";
            return Map.of(
                    // Exactly-once needs the transaction log to be writable with the nodes we have.
                    "transaction.state.log.replication.factor", replication,
                    "transaction.state.log.min.isr", minIsr,
                    "offsets.topic.replication.factor", replication,
                    "default.replication.factor", replication,
                    "min.insync.replicas", minIsr,
                    "num.partitions", "12",
                    "auto.create.topics.enable", "false",
                    // Consumer groups and Streams apps start right away instead of after 3 s.
                    "group.initial.rebalance.delay.ms", "0");
        }
    }
}
