package io.onramp.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro serdes over an in-memory schema table, writing the same wire format as the registry-backed serdes (magic byte 0,
 * 4-byte schema id, Avro binary). For {@code TopologyTestDriver} tests, which must not need a running registry.
 */
public final class LocalAvroSerdes implements AvroSerdes {

    private static final byte MAGIC = 0;
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : write(schema, value), (topic, bytes) -> read(schema, bytes));
    }

    private byte[] write(Schema schema, SpecificRecord value) {
        int id = ids.computeIfAbsent(schema, s -> {
            int next = ids.size() + 1;
            schemas.put(next, s);
            return next;
        });
        try (var out = new ByteArrayOutputStream()) {
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(schema).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(Schema readerSchema, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        var buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 5 || buffer.get() != MAGIC) {
            throw new SerializationException("Unknown magic byte");
        }
        Schema writerSchema = schemas.get(buffer.getInt());
        if (writerSchema == null) {
            throw new SerializationException("Unknown schema id");
        }
        try {
            var decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            return new SpecificDatumReader<T>(writerSchema, readerSchema).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Unreadable Avro record", e);
        }
    }
}
