package io.onramp.platform;

import io.onramp.schemas.CommandReply;
import io.onramp.schemas.ReplyHeaders;
import io.onramp.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The last step of every decided command: project a batch of outcomes into the read model, and only then answer
 * each command on the reply topic, so that a client reading right after its 2xx sees its own write. Works in
 * batches (one transaction, one round of replies) to keep up with bulk enrolment. Redeliveries re-apply idempotently
 * and reply again; the gateway ignores replies it no longer waits for. A record that cannot be read is reported by
 * position, so that only it is dead-lettered ({@link RecordPublisher#readBatch}). Replies carry when each command was
 * decided, when the batch arrived and when it was projected ({@link ReplyHeaders}), for the gateway's per-hop timings.
 */
public final class ReplyingProjection {

    private final RecordPublisher publisher;
    private final Topic<String, CommandReply> replies;

    public ReplyingProjection(RecordPublisher publisher, Topic<String, CommandReply> replies) {
        this.publisher = publisher;
        this.replies = replies;
    }

    /**
     * Reads {@code records} from {@code outcomes}, hands them to {@code project} (which commits them to the read
     * model), then publishes the reply {@code replyOf} finds in each, and returns once the broker has every reply.
     */
    public <V> void apply(
            Topic<String, V> outcomes,
            List<ConsumerRecord<String, byte[]>> records,
            Consumer<List<V>> project,
            Function<V, CommandReply> replyOf) {
        String seenAt = Long.toString(System.currentTimeMillis());
        RecordPublisher.readBatch(
                records,
                record -> new Decided<>(RecordPublisher.read(outcomes, record.value()), decidedAt(record)),
                batch -> {
                    project.accept(batch.stream().map(Decided::outcome).toList());
                    String projectedAt = Long.toString(System.currentTimeMillis());
                    List<CommandReply> answers = new ArrayList<>(batch.size());
                    Map<String, String> decidedAt = new HashMap<>();
                    for (Decided<V> decided : batch) {
                        CommandReply reply = replyOf.apply(decided.outcome());
                        answers.add(reply);
                        decidedAt.put(reply.getRequestId(), decided.decidedAt());
                    }
                    publisher.publishReplies(
                            replies,
                            answers,
                            reply -> Map.of(
                                    ReplyHeaders.DECIDED_AT, decidedAt.get(reply.getRequestId()),
                                    ReplyHeaders.OUTCOME_SEEN_AT, seenAt,
                                    ReplyHeaders.PROJECTED_AT, projectedAt));
                });
    }

    private record Decided<V>(V outcome, String decidedAt) {}

    /** The decision's time as its Streams app stamped it ({@link DecidedAtInterceptor}); {@code -1} if unstamped. */
    private static String decidedAt(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ReplyHeaders.DECIDED_AT);
        return header == null ? "-1" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
