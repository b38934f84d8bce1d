package io.onramp.platform;

import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wiring every service shares: the topic catalogue over the registry, every topic and its dead-letter topic created
 * at start-up (so no consumer or Streams app ever waits on a missing topic), one byte-level producer for publishing,
 * and the listener error handler that retries with back-off, then parks the original bytes in {@code <topic>.DLT}.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    /**
     * The failures that say a dependency cannot be reached right now (the database stopped, a connection refused or
     * lost, the schema registry not answering for a schema not cached yet), not that the record is at fault; matched anywhere in a failure's cause chain. Spring translates a refused
     * or lost PostgreSQL connection ({@code 08xxx}, {@code 57P0x}) to a {@link DataAccessResourceFailureException}; a
     * pool that gives up waiting throws {@link SQLTransientConnectionException}, also under a transaction that could
     * not begin; a transaction whose commit or rollback fails (the connection died under it: the rollback's failure
     * then replaces the statement's, and carries only the driver's {@code 08003}) is a
     * {@link TransactionSystemException}.
     */
    static final List<Class<? extends Throwable>> OUTAGES = List.of(
            DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class,
            SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class,
            SQLRecoverableException.class,
            ConnectException.class,
            CannotCreateTransactionException.class,
            TransactionSystemException.class,
            SchemaRegistryUnavailableException.class);

    @Bean
    Topics topics(PlatformProperties properties) {
        return new Topics(new ApicurioSerdes(properties.registryUrl()));
    }

    @Bean
    KafkaAdmin.NewTopics catalogueTopics(Topics topics, PlatformProperties properties) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (Topic<?, ?> topic : topics.all()) {
            var builder = TopicBuilder.name(topic.name())
                    .partitions(properties.topicPartitions())
                    .replicas(properties.topicReplicationFactor());
            if (topic.compacted()) {
                builder.compact().config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
            }
            newTopics.add(builder.build());
            newTopics.add(TopicBuilder.name(topic.deadLetterName())
                    .partitions(properties.topicPartitions())
                    .replicas(properties.topicReplicationFactor())
                    .build());
        }
        return new KafkaAdmin.NewTopics(newTopics.toArray(NewTopic[]::new));
    }

    /**
     * One idempotent, {@code acks=all} producer of raw bytes for the whole service: the publisher serialises with each
     * topic's own serdes, and dead letters carry the exact bytes that could not be handled (keys as read: bytes or
     * strings).
     */
    @Bean
    KafkaTemplate<Object, byte[]> bytesTemplate(KafkaProperties kafkaProperties) {
        Serializer<Object> keys = new DelegatingByTypeSerializer(
                Map.of(byte[].class, new ByteArraySerializer(), String.class, new StringSerializer()));
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafkaProperties.buildProducerProperties(), keys, new ByteArraySerializer()));
    }

    @Bean
    RecordPublisher recordPublisher(KafkaTemplate<Object, byte[]> bytesTemplate) {
        return new RecordPublisher(bytesTemplate);
    }

    @Bean
    ReplyingProjection replyingProjection(RecordPublisher recordPublisher, Topics topics) {
        return new ReplyingProjection(recordPublisher, topics.commandReplies);
    }

    /**
     * A record that fails is retried for 5 s of back-off, then parked in its dead-letter topic; an unreadable one is
     * parked at once. A failure that says a dependency cannot be reached ({@link #OUTAGES}) is not the record's fault:
     * it is retried, every 5 s at most, until the dependency is back, so an outage longer than the retries parks
     * nothing that was acknowledged.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<Object, byte[]> bytesTemplate) {
        var recoverer = new DeadLetterPublishingRecoverer(
                bytesTemplate,
                (record, exception) ->
                        new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        var perRecord = new DefaultErrorHandler(recoverer, backOff);
        // An unreadable record will never become readable: park it at once.
        perRecord.addNotRetryableExceptions(SerializationException.class);

        var untilBack = new ExponentialBackOff(500, 2.0);
        untilBack.setMaxInterval(5_000);
        var handler = new CommonDelegatingErrorHandler(perRecord);
        handler.setCauseChainTraversing(true);
        var waitForDependency = new DefaultErrorHandler(recoverer, untilBack);
        OUTAGES.forEach(kind -> handler.addDelegate(kind, waitForDependency));
        return handler;
    }

    /** UP at once in a service without Kafka listeners. */
    @Bean
    HealthIndicator kafkaListenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ListenerAssignmentHealth(registry);
    }

    /** Only in services that run a Streams app. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.kafka.streams.KafkaStreams")
    static class StreamsHealthConfiguration {

        @Bean
        @ConditionalOnBean(StreamsBuilderFactoryBean.class)
        HealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
            return new KafkaStreamsHealth(factory);
        }
    }
}
