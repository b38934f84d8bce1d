package io.onramp.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes a fresh, configured Avro serde for the values of one topic. */
@FunctionalInterface
public interface AvroSerdes {

    <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
