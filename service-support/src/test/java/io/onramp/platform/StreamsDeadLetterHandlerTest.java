package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class StreamsDeadLetterHandlerTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final StreamsDeadLetterHandler handler = new StreamsDeadLetterHandler(config -> {
        assertThat(config)
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("retry.backoff.ms", 5)
                .doesNotContainKey("interceptor.classes");
        return producer;
    });
    private final ConsumerRecord<byte[], byte[]> poison =
            new ConsumerRecord<>("interviews", 3, 42, bytes("acme/x"), bytes("not avro"));

    @BeforeEach
    void configure() {
        handler.configure(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "access-worker",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "broker:9092",
                "producer.retry.backoff.ms",
                5,
                "producer.interceptor.classes",
                "io.onramp.platform.DecidedAtInterceptor"));
    }

    @Test
    void aTasksDeadLetterGoesBackToStreamsForItsTransaction() {
        var response = handler.handleError(context(new TaskId(0, 3)), poison, new RuntimeException("bad bytes"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo("interviews.DLT");
            assertThat(deadLetter.partition()).isEqualTo(3);
            assertThat(new String(
                            deadLetter
                                    .headers()
                                    .lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("access-worker");
        });
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aGlobalTablesDeadLetterIsSentByTheHandlerItselfAndTheThreadGoesOn() {
        var response = handler.handleError(context(new TaskId(-1, -1)), poison, new RuntimeException("bad bytes"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(producer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo("interviews.DLT");
            assertThat(deadLetter.partition()).isEqualTo(3);
            assertThat(deadLetter.value()).isEqualTo(bytes("not avro"));
            assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
                    .isNotNull();
        });
    }

    @Test
    void aRecordWhoseSchemaTheRegistryCouldNotGiveIsNotDeadLetteredButStopsTheThread() {
        var unreachable = new RuntimeException(new java.util.concurrent.ExecutionException(
                new java.net.ConnectException("Connection refused: /127.0.0.1:8090")));

        var response = handler.handleError(context(new TaskId(0, 3)), poison, unreachable);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    private ErrorHandlerContext context(TaskId task) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return poison.topic();
            }

            @Override
            public int partition() {
                return poison.partition();
            }

            @Override
            public long offset() {
                return poison.offset();
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "KSTREAM-SOURCE-0000000001";
            }

            @Override
            public TaskId taskId() {
                return task;
            }

            @Override
            public long timestamp() {
                return poison.timestamp();
            }

            @Override
            public byte[] sourceRawKey() {
                return poison.key();
            }

            @Override
            public byte[] sourceRawValue() {
                return poison.value();
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
