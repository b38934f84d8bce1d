package io.onramp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class SchemaInstanceCachingDatumProviderTest {

    private final SchemaInstanceCachingDatumProvider<Object> provider = new SchemaInstanceCachingDatumProvider<>();
    private final CommandReply reply = CommandReply.newBuilder()
            .setRequestId("r-1")
            .setTenantId("acme")
            .setResourceType("attempt")
            .setResourceId("a-1")
            .setOutcome(CommandOutcome.CREATED)
            .build();

    @Test
    void findsTheSameReaderAndWriterForTheSameSchemaInstance() {
        provider.setUseSpecificAvroReader(true);
        assertThat(provider.createDatumReader(CommandReply.SCHEMA$))
                .isSameAs(provider.createDatumReader(CommandReply.SCHEMA$));
        assertThat(provider.createDatumWriter(reply, CommandReply.SCHEMA$))
                .isSameAs(provider.createDatumWriter(reply, CommandReply.SCHEMA$));
    }

    @Test
    void anEqualSchemaParsedAgainStillGetsAWorkingReader() {
        provider.setUseSpecificAvroReader(true);
        Schema reparsed = new Schema.Parser().parse(CommandReply.SCHEMA$.toString());

        assertThat(read(write(reply), reparsed)).isEqualTo(reply);
    }

    @Test
    void writesAndReadsBackWhatItWrote() throws Exception {
        provider.setUseSpecificAvroReader(true);
        assertThat(read(write(reply), CommandReply.SCHEMA$)).isEqualTo(reply);
        assertThat(read(write(reply), CommandReply.SCHEMA$)).isEqualTo(reply);
    }

    private byte[] write(CommandReply value) {
        try {
            var out = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            provider.createDatumWriter(value, CommandReply.SCHEMA$).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Object read(byte[] bytes, Schema writerSchema) {
        try {
            return provider.createDatumReader(writerSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
