package io.onramp.gateway;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topic;
import java.util.Optional;

/**
 * Values of records tests read straight off a topic. The suite also puts unreadable records on every topic
 * ({@code PoisonRecordsTest}), so a test looking for its own records passes over those, as every consumer must.
 */
final class TopicRecords {

    private TopicRecords() {}

    static <V> Optional<V> readable(Topic<String, V> topic, byte[] value) {
        try {
            return Optional.ofNullable(RecordPublisher.read(topic, value));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
