package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.ReplyHeaders;
import io.onramp.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** The read model has every outcome of a batch before any command of it is answered, and only then. */
class ReplyingProjectionTest {

    private final Topics topics = new Topics(ReplyingProjectionTest::plainAvro);
    /** The template closes its producer after each send: every producer it was given, in order. */
    private final List<MockProducer<Object, byte[]>> producers = new ArrayList<>();

    private final ReplyingProjection replying = new ReplyingProjection(
            new RecordPublisher(new KafkaTemplate<>(new MockProducerFactory<>(() -> {
                var producer = new MockProducer<Object, byte[]>(
                        true, null, (topic, key) -> new byte[0], new ByteArraySerializer());
                producers.add(producer);
                return producer;
            }))),
            topics.commandReplies);
    private final List<List<String>> projected = new ArrayList<>();

    @Test
    void projectsTheWholeBatchThenAnswersEachRequestOnce() {
        long before = System.currentTimeMillis();
        replying.apply(topics.commandReplies, records("r-1", "r-2", "r-1"), this::project, reply -> reply);

        assertThat(projected).containsExactly(List.of("r-1", "r-2", "r-1"));
        assertThat(sent()).extracting(ProducerRecord::topic).containsOnly(Topics.COMMAND_REPLIES);
        assertThat(sent())
                .extracting(record -> read(record.value()).getRequestId())
                .containsExactly("r-1", "r-2");
        assertThat(sent())
                .extracting(record -> header(record, ReplyHeaders.DECIDED_AT))
                .as("each reply carries its own decision's stamp, or -1")
                .containsExactly(-1L, 42L);
        for (var record : sent()) {
            long seen = header(record, ReplyHeaders.OUTCOME_SEEN_AT);
            long projectedAt = header(record, ReplyHeaders.PROJECTED_AT);
            assertThat(seen).isBetween(before, projectedAt);
            assertThat(projectedAt).isLessThanOrEqualTo(System.currentTimeMillis());
        }
    }

    @Test
    void answersNothingWhenTheProjectionFails() {
        assertThatThrownBy(() -> replying.apply(
                        topics.commandReplies,
                        records("r-1"),
                        batch -> {
                            throw new IllegalStateException("database down");
                        },
                        reply -> reply))
                .hasMessage("database down");
        assertThat(sent()).isEmpty();
    }

    private List<ProducerRecord<Object, byte[]>> sent() {
        return producers.stream()
                .flatMap(producer -> producer.history().stream())
                .toList();
    }

    private void project(List<CommandReply> batch) {
        assertThat(sent()).as("no reply before the projection").isEmpty();
        projected.add(batch.stream().map(CommandReply::getRequestId).toList());
    }

    private List<ConsumerRecord<String, byte[]>> records(String... requestIds) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < requestIds.length; i++) {
            var reply = CommandReply.newBuilder()
                    .setRequestId(requestIds[i])
                    .setTenantId("acme")
                    .setResourceType("attempt")
                    .setResourceId("a-" + i)
                    .setOutcome(CommandOutcome.CREATED)
                    .build();
            var record = new ConsumerRecord<>(
                    Topics.COMMAND_REPLIES,
                    0,
                    i,
                    requestIds[i],
                    topics.commandReplies.valueSerde().serializer().serialize(Topics.COMMAND_REPLIES, reply));
            if (i == 1) {
                record.headers().add(ReplyHeaders.DECIDED_AT, "42".getBytes(StandardCharsets.UTF_8));
            }
            records.add(record);
        }
        return records;
    }

    private CommandReply read(byte[] value) {
        return topics.commandReplies.valueSerde().deserializer().deserialize(Topics.COMMAND_REPLIES, value);
    }

    private static long header(ProducerRecord<Object, byte[]> record, String name) {
        return Long.parseLong(new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8));
    }

    /** Avro binary without a registry: enough for a unit test of what is published in which order. */
    private static <T extends SpecificRecord> Serde<T> plainAvro(Class<T> type) {
        var writer = new SpecificDatumWriter<T>(type);
        var reader = new SpecificDatumReader<T>(type);
        return Serdes.serdeFrom(
                (topic, value) -> {
                    var out = new ByteArrayOutputStream();
                    var encoder = EncoderFactory.get().binaryEncoder(out, null);
                    try {
                        writer.write(value, encoder);
                        encoder.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                },
                (topic, bytes) -> {
                    try {
                        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
