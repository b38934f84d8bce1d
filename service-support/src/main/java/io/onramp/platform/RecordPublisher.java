package io.onramp.platform;

import io.onramp.schemas.CommandReply;
import io.onramp.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Publishes to any catalogue topic through one idempotent, {@code acks=all} producer, serialising with that topic's
 * own serdes, and returns once the broker has acknowledged the record.
 */
public final class RecordPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RecordPublisher.class);

    private final KafkaTemplate<Object, byte[]> template;

    public RecordPublisher(KafkaTemplate<Object, byte[]> template) {
        this.template = template;
    }

    public <K, V> void publish(Topic<K, V> topic, K key, V value) {
        awaitAcknowledged(topic, template.send(record(topic, key, value)));
    }

    /** Publishes with headers; a {@code null} value is a tombstone. */
    public <K, V> void publish(Topic<K, V> topic, K key, V value, Map<String, String> headers) {
        awaitAcknowledged(topic, template.send(withHeaders(record(topic, key, value), headers)));
    }

    private static ProducerRecord<Object, byte[]> withHeaders(
            ProducerRecord<Object, byte[]> record, Map<String, String> headers) {
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Answers decided commands, keyed by request id, once the broker has them all; a request decided twice in one batch
     * (a redelivery) is answered once, with its last reply.
     */
    public void publishReplies(Topic<String, CommandReply> topic, List<CommandReply> replies) {
        publishReplies(topic, replies, reply -> Map.of());
    }

    /** As {@link #publishReplies(Topic, List)}, each reply with the headers {@code headersOf} gives it. */
    public void publishReplies(
            Topic<String, CommandReply> topic,
            List<CommandReply> replies,
            Function<CommandReply, Map<String, String>> headersOf) {
        Map<String, CommandReply> byRequest = new LinkedHashMap<>();
        replies.forEach(reply -> byRequest.put(reply.getRequestId(), reply));
        sendAndAwait(
                topic,
                byRequest.values().stream()
                        .map(reply -> withHeaders(record(topic, reply.getRequestId(), reply), headersOf.apply(reply)))
                        .toList());
    }

    /**
     * Publishes every record in the order given (records of one key keep it: the producer is idempotent), then waits
     * until the broker has acknowledged all of them.
     */
    public <K, V> void publishInOrder(Topic<K, V> topic, List<Map.Entry<K, V>> records) {
        sendAndAwait(
                topic,
                records.stream()
                        .map(entry -> record(topic, entry.getKey(), entry.getValue()))
                        .toList());
    }

    private void sendAndAwait(Topic<?, ?> topic, List<ProducerRecord<Object, byte[]>> records) {
        var sent = records.stream().map(template::send).toList();
        awaitAcknowledged(topic, CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
    }

    private static void awaitAcknowledged(Topic<?, ?> topic, CompletableFuture<?> sent) {
        try {
            sent.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("publishing to " + topic.name() + " failed", e);
        }
    }

    /**
     * Publishes without waiting, for records whose loss must not hold up an answer (audit trails); a failure is logged.
     */
    public <K, V> void publishAsync(Topic<K, V> topic, K key, V value) {
        template.send(record(topic, key, value)).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.error("Publishing to {} failed", topic.name(), failure);
            }
        });
    }

    static <K, V> ProducerRecord<Object, byte[]> record(Topic<K, V> topic, K key, V value) {
        try {
            return new ProducerRecord<>(
                    topic.name(),
                    topic.keySerde().serializer().serialize(topic.name(), key),
                    value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
        } catch (RuntimeException e) {
            throw SchemaRegistryUnavailableException.translate(e);
        }
    }

    /**
     * Reads a value written to {@code topic}; a record no serde can read raises a SerializationException, one whose
     * schema the registry could not be asked for a {@link SchemaRegistryUnavailableException}.
     */
    public static <K, V> V read(Topic<K, V> topic, byte[] value) {
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), value);
        } catch (RuntimeException e) {
            throw SchemaRegistryUnavailableException.translate(e);
        }
    }

    /**
     * Reads a batch a listener received from {@code topic} and hands the values to {@code apply}. A record no serde can
     * read is reported by its position, after the records before it were applied: the error handler then commits
     * those, dead-letters the unreadable one alone and redelivers the rest.
     */
    public static <V> void readBatch(
            Topic<String, V> topic, List<ConsumerRecord<String, byte[]>> records, Consumer<List<V>> apply) {
        readBatch(records, record -> read(topic, record.value()), apply);
    }

    /**
     * Reads every record of a batch with {@code read}, then applies what was read. When record {@code i} cannot be read
     * (whatever {@code read} or the deserializer under it throws: Apicurio's raises more than
     * {@link SerializationException} for bytes that are not its wire format), records {@code 0..i-1} are applied first
     * and only then is {@code i} reported by position. The error handler takes the records before a failed index as
     * done, so applying nothing would lose them; and an exception that names no position makes it retry the whole
     * batch and then dead-letter every record of it.
     */
    public static <T> void readBatch(
            List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, T> read,
            Consumer<List<T>> apply) {
        List<T> values = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                values.add(read.apply(records.get(i)));
            } catch (RuntimeException e) {
                if (!values.isEmpty()) {
                    apply.accept(values);
                }
                throw new BatchListenerFailedException(
                        "unreadable record on " + records.get(i).topic(), e, i);
            }
        }
        apply.accept(values);
    }
}
