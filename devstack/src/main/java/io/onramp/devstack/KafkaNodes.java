package io.onramp.devstack;

/** A running Kafka cluster in KRaft mode. */
interface KafkaNodes extends AutoCloseable {

    String bootstrapServers();

    int size();

    @Override
    void close();
}
