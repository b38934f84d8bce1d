package io.onramp.platform;

import io.onramp.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

/**
 * Sends a record a Streams app cannot read to {@code <topic>.DLT}, same partition, inside the app's own transaction
 * (Kafka Streams' native dead-letter queue); the app then goes on with the next record.
 */
public final class DeadLetterTopicResolver implements KafkaStreamsDeadLetterDestinationResolver {

    @Override
    public TopicPartition resolve(ErrorHandlerContext context, ConsumerRecord<?, ?> record, Exception exception) {
        return new TopicPartition(context.topic() + Topic.DEAD_LETTER_SUFFIX, context.partition());
    }
}
