package io.onramp.devstack;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Running Kafka, schema registry, PostgreSQL and SMTP, however they were started. Closing stops all of them. */
public interface Infrastructure extends AutoCloseable {

    /** The embedded SMTP server refuses every recipient at this domain for good ({@code 550}), as a real one might. */
    String REFUSED_MAIL_DOMAIN = "refused.example.com";

    /** The embedded SMTP server refuses every recipient at this domain for now ({@code 451}). */
    String BUSY_MAIL_DOMAIN = "busy.example.com";

    String kafkaBootstrapServers();

    /** The registry's core API, for Apicurio serdes. */
    String registryUrl();

    /** The registry's Confluent-compatible API, for Confluent serializers and non-Java producers. */
    default String registryConfluentUrl() {
        return registryUrl().replace("/apis/registry/v3", "/apis/ccompat/v7");
    }

    /** JDBC URL of the {@code onramp} database. */
    String jdbcUrl();

    String smtpHost();

    int smtpPort();

    /** The messages the SMTP server has received so far. */
    List<MimeMessage> receivedMail();

    /** Where the received mail can be read over IMAP: each recipient's address is both user name and password. */
    int imapPort();

    /** The parts failure tests stop and start again. */
    enum Part {
        MAIL,
        POSTGRES,
        REGISTRY
    }

    /**
     * Stops a part: its port refuses connections (PostgreSQL closes those it had) until {@link #up(Part)} starts it
     * again, on the same port and with the data it had.
     */
    default void down(Part part) {
        throw new UnsupportedOperationException("stopping " + part + " is available on the embedded devstack only");
    }

    default void up(Part part) {
        throw new UnsupportedOperationException("starting " + part + " is available on the embedded devstack only");
    }

    int kafkaNodes();

    /** Kills one Kafka node (SIGKILL): on the embedded devstack with 3 brokers, each a process of its own. */
    default void killKafkaNode(int nodeId) {
        throw new UnsupportedOperationException("killing a Kafka node is available on the embedded devstack only");
    }

    /** Starts a killed Kafka node again, with its log directories. */
    default void restartKafkaNode(int nodeId) {
        throw new UnsupportedOperationException("restarting a Kafka node is available on the embedded devstack only");
    }

    /** The id of the Kafka node that is the active controller (leads the KRaft quorum). */
    default int kafkaActiveController() {
        throw new UnsupportedOperationException("available on the embedded devstack only");
    }

    /** Where services keep local state (Kafka Streams stores): wiped together with the broker's data. */
    Path dataDir();

    /**
     * The environment every service reads its infrastructure from: the variable names used as placeholders in each
     * service's {@code application.yml} and in {@code docker-compose.yml}.
     */
    default Map<String, String> serviceEnvironment() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers(),
                "SCHEMA_REGISTRY_URL", registryUrl(),
                "DATABASE_URL", jdbcUrl(),
                "SMTP_HOST", smtpHost(),
                "SMTP_PORT", Integer.toString(smtpPort()),
                "TOPIC_REPLICATION_FACTOR", Integer.toString(Math.min(3, kafkaNodes())),
                "STREAMS_STATE_DIR", dataDir().resolve("streams-state").toString());
    }

    @Override
    void close();
}
