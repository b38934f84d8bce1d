package io.onramp.devstack;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A running Kafka cluster in KRaft mode. */
interface KafkaNodes extends AutoCloseable {

    String bootstrapServers();

    int size();

    /** Kills one node (SIGKILL), as a crash would. */
    default void kill(int nodeId) {
        throw new UnsupportedOperationException("killing a Kafka node needs a process per node (3 brokers)");
    }

    /** Starts a killed node again, with the log directories it had. */
    default void restart(int nodeId) {
        throw new UnsupportedOperationException("restarting a Kafka node needs a process per node (3 brokers)");
    }

    /** The id of the node leading the KRaft quorum: the active controller. */
    default int activeController() {
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            return admin.describeMetadataQuorum()
                    .quorumInfo()
                    .get(20, TimeUnit.SECONDS)
                    .leaderId();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot tell the active controller", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    void close();
}
