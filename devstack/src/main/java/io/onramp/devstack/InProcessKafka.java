package io.onramp.devstack;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A KRaft node inside this JVM (combined broker and controller), on a random port: the test fixture's broker (starts
 * in 1–4 s). Several nodes, for failure runs, are processes of their own ({@link KafkaServerProcess#cluster}), so that
 * one can be killed alone.
 */
final class InProcessKafka implements KafkaNodes {

    private final KafkaClusterTestKit cluster;

    InProcessKafka() {
        keepBrokersFromEndingTheJvm();
        var nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        var builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerDefaults.forNodes(1).forEach(builder::setConfigProp);
        try {
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an in-process Kafka node", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("devstack: stopping Kafka failed: " + e);
        }
    }

    /**
     * A broker that meets a fatal error (its log directory deleted under it while the JVM exits, say) calls
     * {@code Exit.halt}; in a test JVM that would kill the test run, so it is only reported.
     */
    private static void keepBrokersFromEndingTheJvm() {
        Exit.setExitProcedure(
                (code, message) -> System.err.println("devstack: Kafka asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure(
                (code, message) -> System.err.println("devstack: Kafka asked to halt(" + code + "): " + message));
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
