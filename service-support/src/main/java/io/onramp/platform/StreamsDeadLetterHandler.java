package io.onramp.platform;

import io.onramp.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends a record a Streams app cannot read to {@code <topic>.DLT}, same partition, inside the app's own transaction
 * (Kafka Streams' native dead-letter queue), with the {@code kafka_dlt-*} headers a listener's dead letter carries —
 * including the failing consumer group, the app's {@code application.id}, which Spring's handler alone leaves out —
 * so operators see one shape of dead letter whichever kind of consumer wrote it. The app then goes on with the next
 * record.
 */
public final class StreamsDeadLetterHandler extends RecoveringDeserializationExceptionHandler {

    private byte[] applicationId;

    public StreamsDeadLetterHandler() {
        destinationResolver = (context, record, exception) ->
                new TopicPartition(context.topic() + Topic.DEAD_LETTER_SUFFIX, context.partition());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        applicationId = id == null ? null : id.toString().getBytes(StandardCharsets.UTF_8);
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
}
