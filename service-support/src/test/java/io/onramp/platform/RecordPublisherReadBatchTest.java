package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The error handler takes the records before a failed index as done: they must have been applied by then, or they are
 * lost.
 */
class RecordPublisherReadBatchTest {

    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void appliesEverythingWhenEverythingReads() {
        RecordPublisher.readBatch(records("a", "b", "c"), RecordPublisherReadBatchTest::read, applied::add);
        assertThat(applied).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void appliesWhatCameBeforeAnUnreadableRecordThenReportsItsPosition() {
        assertThatThrownBy(() -> RecordPublisher.readBatch(
                        records("a", "b", "garbage", "d"), RecordPublisherReadBatchTest::read, applied::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(2));
        assertThat(applied).containsExactly(List.of("a", "b"));
    }

    @Test
    void appliesNothingWhenTheFirstRecordIsUnreadable() {
        assertThatThrownBy(() -> RecordPublisher.readBatch(
                        records("garbage", "b"), RecordPublisherReadBatchTest::read, applied::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(0));
        assertThat(applied).isEmpty();
    }

    private static String read(ConsumerRecord<String, byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("garbage")) {
            throw new IllegalArgumentException("unreadable");
        }
        return value;
    }

    private static List<ConsumerRecord<String, byte[]>> records(String... values) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, "k", values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }
}
