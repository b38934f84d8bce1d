package io.onramp.gateway.ops;

import io.onramp.schemas.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record of a dead-letter topic, with the failure its writer recorded in the {@code kafka_dlt-*} headers.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there: with the partition, how operators address it
 * @param original where the record came from
 * @param consumerGroup the group (or Streams application) that could not handle it; empty when not recorded
 * @param replayCount how often its line was replayed before it landed here ({@value #REPLAY_COUNT_HEADER})
 */
record DeadLetter(
        String topic,
        int partition,
        long offset,
        Original original,
        String consumerGroup,
        String exceptionClass,
        String causeClass,
        String exceptionMessage,
        Instant failedAt,
        int replayCount,
        ConsumerRecord<byte[], byte[]> record) {

    /** Header on a replayed record: how many times its line has been replayed, as a decimal. */
    static final String REPLAY_COUNT_HEADER = "onramp-replay-count";

    /** Prefix of the headers a dead-letter writer adds; a replay strips them. */
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    /** The coordinates of the original record: the identity that replays are counted and grouped by. */
    record Original(String topic, int partition, long offset) {

        String key() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String originalTopic = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic.isEmpty() && record.topic().endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            originalTopic = record.topic().substring(0, record.topic().length() - Topic.DEAD_LETTER_SUFFIX.length());
        }
        String exception = text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        if (exception.isEmpty()) {
            exception = text(headers, KafkaHeaders.DLT_KEY_EXCEPTION_FQCN);
            message = text(headers, KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE);
        }
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                new Original(
                        originalTopic,
                        (int) number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION, record.partition()),
                        number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET, -1)),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                exception,
                text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                message,
                Instant.ofEpochMilli(record.timestamp()),
                replayCount(headers),
                record);
    }

    /** Matches a filter on the exception: its class or its cause's, fully qualified or simple name. */
    boolean failedWith(String exception) {
        if (exception == null || exception.isBlank()) {
            return true;
        }
        return matches(exceptionClass, exception) || matches(causeClass, exception);
    }

    private static boolean matches(String className, String filter) {
        return !className.isEmpty() && (className.equals(filter) || className.endsWith("." + filter));
    }

    static int replayCount(Headers headers) {
        Header header = headers.lastHeader(REPLAY_COUNT_HEADER);
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes partitions as 4-byte and offsets as 8-byte big-endian numbers. */
    private static long number(Headers headers, String name, long otherwise) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return otherwise;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> ByteBuffer.wrap(value).getInt();
            case 8 -> ByteBuffer.wrap(value).getLong();
            default -> otherwise;
        };
    }
}
