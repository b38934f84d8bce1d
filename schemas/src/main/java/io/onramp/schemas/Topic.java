package io.onramp.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values; the only way modules name a topic.
 *
 * @param name the topic name
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values, an instance of its own (the registry client caches by schema content)
 * @param compacted whether the topic keeps the latest value per key rather than a retention window
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The dead-letter topic of this topic, where records no consumer can read are parked with the failure in headers. */
    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    public static final String DEAD_LETTER_SUFFIX = ".DLT";
}
