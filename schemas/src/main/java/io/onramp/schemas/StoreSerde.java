package io.onramp.schemas;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
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
 * the registry's serde; each is rewritten in this format the next time its key is written.
 *
 * <p>Every schema a store type has had is kept in {@code store-history/<full name>.<n>.avsc} (1, 2, …), and the
 * decoder reads values written with any of them: a value names its writer's schema by fingerprint only, so a schema
 * missing from the history would make the values written with it unreadable. {@code StoreSchemaHistoryTest} fails
 * when a store type's current schema is not the last of its history.
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
        List<Schema> history = history(type);
        if (history.isEmpty()) {
            throw new IllegalStateException("no store schema history for " + type.getName() + ": add " + HISTORY
                    + type.getName() + ".1.avsc with its current schema");
        }
        history.forEach(decoder::addSchema);
        this.earlier = earlier;
    }

    static final String HISTORY = "store-history/";

    /** The schemas the type has had as a store value, oldest first. */
    static List<Schema> history(Class<?> type) {
        List<Schema> schemas = new ArrayList<>();
        for (int n = 1; ; n++) {
            try (InputStream in = StoreSerde.class.getResourceAsStream(HISTORY + type.getName() + "." + n + ".avsc")) {
                if (in == null) {
                    return schemas;
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot read the store schema history of " + type.getName(), e);
            }
        }
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
