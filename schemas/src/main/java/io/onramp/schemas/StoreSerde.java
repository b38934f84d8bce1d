package io.onramp.schemas;

import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a Kafka Streams state store (and its changelog): Avro's single-object encoding (a 2-byte marker, the
 * schema's 8-byte fingerprint, the binary data) with the schema compiled into the service, so that reading and writing
 * local state never asks the schema registry: a worker keeps deciding while the registry is down.
 *
 * <p>Values written before stores had this format (the registry's wire format, first byte 0) are still read, through
 * the registry's serde; each is rewritten in this format the next time its key is written. A change to a store type's
 * schema must keep values written with the previous schema readable: register that schema with the decoder here
 * (values with an unknown fingerprint cannot be read).
 */
final class StoreSerde<T extends SpecificRecord> implements Serde<T> {

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Serde<T> earlier;

    StoreSerde(Class<T> type, Serde<T> earlier) {
        // The generated class's own model: it carries the logical-type conversions (timestamps as Instant).
        SpecificData model = SpecificData.getForClass(type);
        var schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        this.earlier = earlier;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer encoded = encoder.encode(value);
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                return bytes;
            } catch (java.io.IOException e) {
                throw new SerializationException("cannot encode a store value of " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> registryFormat = earlier.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == (byte) 0x01) {
                try {
                    return decoder.decode(bytes);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new SerializationException("cannot decode a store value of " + topic, e);
                }
            }
            return registryFormat.deserialize(topic, bytes);
        };
    }
}
