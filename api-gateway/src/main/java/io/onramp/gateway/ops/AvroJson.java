package io.onramp.gateway.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro record as plain JSON: unions unwrapped, logical types as their underlying values (timestamps in epoch
 * milliseconds), as Avro's own {@link GenericData#toString(Object)} writes a generic record.
 */
final class AvroJson {

    private AvroJson() {}

    static String of(SpecificRecord record) {
        var schema = record.getSchema();
        try {
            var bytes = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<SpecificRecord>(schema).write(record, encoder);
            encoder.flush();
            GenericRecord generic = new GenericDatumReader<GenericRecord>(schema, schema, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
            return GenericData.get().toString(generic);
        } catch (IOException e) {
            throw new IllegalArgumentException("record cannot be written as JSON", e);
        }
    }
}
