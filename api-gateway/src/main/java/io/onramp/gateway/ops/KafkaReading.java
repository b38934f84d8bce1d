package io.onramp.gateway.ops;

import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/** Consumers that look at records without joining a group or committing anything, raw bytes, committed data only. */
final class KafkaReading {

    private KafkaReading() {}

    @SuppressWarnings("unchecked")
    static Consumer<byte[], byte[]> consumer(ConsumerFactory<?, ?> consumers, String clientId, int maxPollRecords) {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        return (Consumer<byte[], byte[]>) consumers.createConsumer(null, clientId, null, overrides);
    }
}
