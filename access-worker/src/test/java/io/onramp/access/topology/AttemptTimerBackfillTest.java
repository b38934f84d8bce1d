package io.onramp.access.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Attempt;
import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.Topics;
import io.onramp.timers.InMemoryTimerStores;
import io.onramp.timers.MutableClock;
import io.onramp.timers.TimerSettings;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts started before attempts had timers get their timer armed when the processor starts, so that none stays in
 * progress forever; the punctuator then expires them.
 */
class AttemptTimerBackfillTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private final MutableClock clock = new MutableClock(NOW);
    private final MockProcessorContext<String, AccessOutcome> context = new MockProcessorContext<>();
    private KeyValueStore<String, Attempt> attempts;

    @BeforeEach
    void stores() {
        attempts = store(AttemptTopology.ATTEMPTS_STORE, topics.storeSerde(Attempt.class));
        store(AccessTopology.ACCESS_STORE, Serdes.ByteArray());
        store(InterviewCatalogTopology.GLOBAL_CATALOG_STORE, Serdes.ByteArray());
        InMemoryTimerStores.register(context, AttemptTopology.SCHEDULED_ENDS);
        var parked = Stores.timestampedKeyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(AttemptTopology.ATTEMPTS_AWAITING_CATALOGUE_STORE),
                        Serdes.String(),
                        Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        parked.init(context.getStateStoreContext(), parked);
        context.addStateStore(parked);
    }

    @Test
    void shouldArmTheTimerOfEveryAttemptInProgressWithAScheduledEndAtStartUp() {
        attempts.put("acme/overdue", attempt("overdue", AttemptStatus.IN_PROGRESS, NOW.minusSeconds(3600)));
        attempts.put("acme/later", attempt("later", AttemptStatus.IN_PROGRESS, NOW.plusSeconds(60)));
        attempts.put("acme/done", attempt("done", AttemptStatus.COMPLETED, NOW.minusSeconds(3600)));
        attempts.put("acme/untimed", attempt("untimed", AttemptStatus.IN_PROGRESS, null));

        var processor = new AttemptCommandProcessor(clock, new TimerSettings(Duration.ofMillis(100), 10));
        processor.init(context);
        punctuate();

        assertThat(context.forwarded()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.record().key()).isEqualTo("acme/u-1");
            var expired = (Attempt) forwarded.record().value().getChange();
            assertThat(expired.getAttemptId()).isEqualTo("overdue");
            assertThat(expired.getStatus()).isEqualTo(AttemptStatus.EXPIRED);
            assertThat(expired.getEndDatetime()).isEqualTo(NOW.minusSeconds(3600));
        });
        assertThat(attempts.get("acme/overdue").getStatus()).isEqualTo(AttemptStatus.EXPIRED);

        context.resetForwards();
        clock.advance(Duration.ofSeconds(60));
        punctuate();
        assertThat(context.forwarded())
                .extracting(f -> ((Attempt) f.record().value().getChange()).getAttemptId())
                .containsExactly("later");
    }

    @Test
    void shouldNotArmATimerTwiceWhenTheProcessorStartsAgain() {
        attempts.put("acme/later", attempt("later", AttemptStatus.IN_PROGRESS, NOW.plusSeconds(60)));
        var settings = new TimerSettings(Duration.ofMillis(100), 10);
        new AttemptCommandProcessor(clock, settings).init(context);
        new AttemptCommandProcessor(clock, settings).init(context);

        clock.advance(Duration.ofSeconds(60));
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(clock.millis()));

        assertThat(context.forwarded()).hasSize(1);
    }

    private void punctuate() {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(clock.millis());
    }

    private static Attempt attempt(String id, AttemptStatus status, Instant scheduledEnd) {
        return Attempt.newBuilder()
                .setTenantId("acme")
                .setAttemptId(id)
                .setInterviewId("i-1")
                .setUserId("u-1")
                .setStatus(status)
                .setStartDatetime(NOW.minusSeconds(7200))
                .setScheduledEndDatetime(scheduledEnd)
                .setVersion(1)
                .setUpdatedAt(NOW.minusSeconds(7200))
                .build();
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
