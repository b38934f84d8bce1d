package io.onramp.gateway.ops;

import io.onramp.gateway.ops.DeadLetter.Original;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The dead letters of one original record: one per application that could not handle it.
 *
 * @param key the record key as text, or {@code null} when it is not UTF-8 (then {@code keyBase64})
 * @param value the record value as JSON when its topic's schema reads it, else {@code null} (then {@code valueBase64})
 * @param replayCount how often this record's line was replayed before, counting replays of these dead letters
 */
record DeadLetterView(
        String topic,
        Original original,
        String key,
        String keyBase64,
        JsonNode value,
        String valueBase64,
        int replayCount,
        List<Failure> failures) {

    /** One dead letter: where it sits in the dead-letter topic, and who failed on the original and why. */
    record Failure(
            int partition,
            long offset,
            String consumerGroup,
            String exceptionClass,
            String causeClass,
            String exceptionMessage,
            Instant failedAt) {

        static Failure of(DeadLetter letter) {
            return new Failure(
                    letter.partition(),
                    letter.offset(),
                    letter.consumerGroup(),
                    letter.exceptionClass(),
                    letter.causeClass(),
                    letter.exceptionMessage(),
                    letter.failedAt());
        }
    }
}
