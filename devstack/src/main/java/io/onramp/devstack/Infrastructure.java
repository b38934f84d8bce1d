package io.onramp.devstack;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Running Kafka, schema registry, PostgreSQL and SMTP, however they were started. Closing stops all of them. */
public interface Infrastructure extends AutoCloseable {

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

    int kafkaNodes();

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
