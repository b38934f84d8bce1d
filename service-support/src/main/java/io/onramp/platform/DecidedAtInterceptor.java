package io.onramp.platform;

import io.onramp.schemas.ReplyHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Stamps every outcome a worker's Streams app sends with the wall-clock time it was decided
 * ({@link ReplyHeaders#DECIDED_AT}): a Streams sink sends as its processor forwards, so the send is the decision's
 * moment, before the exactly-once commit makes it visible. One producer setting instead of a step in every topology;
 * changelogs and other topics are left alone.
 */
public final class DecidedAtInterceptor implements ProducerInterceptor<Object, Object> {

    static final String OUTCOME_TOPIC_SUFFIX = "-outcomes";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.topic().endsWith(OUTCOME_TOPIC_SUFFIX)) {
            record.headers()
                    .remove(ReplyHeaders.DECIDED_AT)
                    .add(
                            ReplyHeaders.DECIDED_AT,
                            Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
