package io.onramp.platform;

import io.onramp.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends a record a Streams app cannot read to {@code <topic>.DLT}, same partition, inside the app's own transaction
 * (Kafka Streams' native dead-letter queue), with the {@code kafka_dlt-*} headers a listener's dead letter carries —
 * including the failing consumer group, the app's {@code application.id}, which Spring's handler alone leaves out —
 * so operators see one shape of dead letter whichever kind of consumer wrote it. The app then goes on with the next
 * record.
 *
 * <p>A global table's thread has no record collector to hand dead letters to (Kafka Streams casts its context to one
 * and the whole client dies: a single unreadable record on a global table's topic stopped the app). There, and only
 * there, the dead letter is sent by a producer of this handler's own and awaited before the thread goes on; a global
 * thread has no transaction to join, and it replays from its own checkpoint after a crash, so the record is at worst
 * dead-lettered twice, never lost.
 */
public final class StreamsDeadLetterHandler extends RecoveringDeserializationExceptionHandler {

    /** The task id Kafka Streams gives a global table's thread. */
    private static final TaskId GLOBAL = new TaskId(-1, -1);

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private Map<String, Object> producerConfig = Map.of();
    private byte[] applicationId;
    private Producer<byte[], byte[]> globalProducer;

    public StreamsDeadLetterHandler() {
        this(config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    StreamsDeadLetterHandler(Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
        this.producers = producers;
        destinationResolver = (context, record, exception) ->
                new TopicPartition(context.topic() + Topic.DEAD_LETTER_SUFFIX, context.partition());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        applicationId = id == null ? null : id.toString().getBytes(StandardCharsets.UTF_8);
        producerConfig = producerConfig(configs);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryUnavailableException.isCause(exception)) {
            // Not the record's fault: stop rather than park a readable record; it is read again once restarted.
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        if (!GLOBAL.equals(context.taskId())
                || response.deadLetterQueueRecords().isEmpty()) {
            return response;
        }
        sendNow(response.deadLetterQueueRecords());
        return response.result() == DeserializationExceptionHandler.Result.RESUME ? Response.resume() : Response.fail();
    }

    @Override
    protected DeserializationExceptionHandler.Response resume(List<ProducerRecord<byte[], byte[]>> deadLetters) {
        if (applicationId != null) {
            deadLetters.forEach(record -> {
                record.headers().remove(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, applicationId);
            });
        }
        return super.resume(deadLetters);
    }

    private synchronized void sendNow(List<ProducerRecord<byte[], byte[]>> deadLetters) {
        if (globalProducer == null) {
            globalProducer = producers.apply(producerConfig);
        }
        try {
            for (var deadLetter : deadLetters) {
                globalProducer.send(deadLetter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while dead-lettering an unreadable record", e);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown, the global thread stops rather than skipping a record it could not park.
            throw new SerializationException("cannot dead-letter an unreadable record", e);
        }
    }

    /** The app's connection settings (bootstrap, security, {@code producer.}-prefixed ones) for a plain producer. */
    private static Map<String, Object> producerConfig(Map<String, ?> configs) {
        Map<String, Object> config = new HashMap<>();
        configs.forEach((name, value) -> {
            if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || name.startsWith("security.")
                    || name.startsWith("ssl.")
                    || name.startsWith("sasl.")) {
                config.put(name, value);
            }
        });
        configs.forEach((name, value) -> {
            if (name.startsWith(StreamsConfig.PRODUCER_PREFIX)
                    && !name.equals(StreamsConfig.PRODUCER_PREFIX + ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                    && !name.equals(StreamsConfig.PRODUCER_PREFIX + ProducerConfig.INTERCEPTOR_CLASSES_CONFIG)) {
                config.put(name.substring(StreamsConfig.PRODUCER_PREFIX.length()), value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, (id == null ? "streams" : id) + "-global-dead-letters");
        return config;
    }
}
