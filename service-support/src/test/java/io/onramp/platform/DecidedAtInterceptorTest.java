package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.ReplyHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DecidedAtInterceptorTest {

    private final DecidedAtInterceptor interceptor = new DecidedAtInterceptor();

    @Test
    void stampsAnOutcomeWithTheMomentItWasSent() {
        long before = System.currentTimeMillis();
        var record = interceptor.onSend(new ProducerRecord<>("access-outcomes", "k", "v"));

        long stamped = Long.parseLong(
                new String(record.headers().lastHeader(ReplyHeaders.DECIDED_AT).value(), StandardCharsets.UTF_8));
        assertThat(stamped).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void replacesAStampTheInputCarried() {
        var record = new ProducerRecord<Object, Object>("workflow-outcomes", "k", "v");
        record.headers().add(ReplyHeaders.DECIDED_AT, "1".getBytes(StandardCharsets.UTF_8));

        interceptor.onSend(record);

        assertThat(record.headers().headers(ReplyHeaders.DECIDED_AT)).hasSize(1);
        assertThat(new String(
                        record.headers().lastHeader(ReplyHeaders.DECIDED_AT).value(), StandardCharsets.UTF_8))
                .isNotEqualTo("1");
    }

    @Test
    void leavesChangelogsAndOtherTopicsAlone() {
        var changelog = interceptor.onSend(new ProducerRecord<>("access-worker-attempts-changelog", "k", "v"));
        var events = interceptor.onSend(new ProducerRecord<>("workflow-events", "k", "v"));

        assertThat(changelog.headers().lastHeader(ReplyHeaders.DECIDED_AT)).isNull();
        assertThat(events.headers().lastHeader(ReplyHeaders.DECIDED_AT)).isNull();
    }
}
