package io.onramp.gateway.command;

import io.onramp.schemas.CommandReply;
import io.onramp.schemas.ReplyHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A worker's reply as this gateway received it, with the wall-clock times (epoch ms) its path left on it: when the
 * worker decided the command, when its projector saw the decision, when the read model had it (each {@code -1} if
 * the worker does not say), and when this gateway read the reply.
 */
record ReceivedReply(CommandReply reply, long decidedAt, long outcomeSeenAt, long projectedAt, long receivedAt) {

    static ReceivedReply of(CommandReply reply, ConsumerRecord<?, ?> record) {
        return new ReceivedReply(
                reply,
                millis(record.headers().lastHeader(ReplyHeaders.DECIDED_AT)),
                millis(record.headers().lastHeader(ReplyHeaders.OUTCOME_SEEN_AT)),
                millis(record.headers().lastHeader(ReplyHeaders.PROJECTED_AT)),
                System.currentTimeMillis());
    }

    boolean timed() {
        return outcomeSeenAt >= 0 && projectedAt >= 0;
    }

    boolean stampedDecision() {
        return decidedAt >= 0;
    }

    private static long millis(Header header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }
}
