package io.onramp.access.topology;

import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import io.onramp.schemas.UserAccess;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The ACCESS table: per tenant and user, the interviews the user may take. Fed by grant and revoke commands from the
 * gateway and by upstream enrolment events, and read, on the same partition, when the user starts an attempt
 * ({@link AttemptTopology}, built after this one). Every decision goes to the outcome topic for the read model and the
 * reply.
 * Enrolment events are re-keyed by tenant and user whatever key their producer chose, so that one user's changes are
 * always decided on one partition.
 */
public final class AccessTopology {

    static final String ACCESS_STORE = "access";
    static final String AWAITING_CATALOGUE_STORE = "access-awaiting-catalogue";

    private final Topics topics;
    private final Clock clock;

    public AccessTopology(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        var commands = topics.accessCommands;
        var users = topics.accessOutcomes;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ACCESS_STORE),
                commands.keySerde(),
                topics.storeSerde(UserAccess.class)));

        KStream<String, AccessCommand> fromGateway =
                builder.stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()));
        KStream<String, AccessCommand> fromUpstream = builder.stream(
                        topics.enrollments.name(),
                        Consumed.with(topics.enrollments.keySerde(), topics.enrollments.valueSerde()))
                .filter((key, event) -> !event.getInterviewIds().isEmpty())
                .map((key, event) ->
                        KeyValue.pair(Keys.of(event.getTenantId(), event.getUserId()), AccessAvro.grant(event)))
                .repartition(Repartitioned.with(commands.keySerde(), commands.valueSerde())
                        .withName("enrollments-by-user"));

        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(AWAITING_CATALOGUE_STORE),
                Serdes.String(),
                topics.storeSerde(AccessCommand.class)));
        fromGateway
                .merge(fromUpstream)
                .process(() -> new AccessCommandProcessor(clock), ACCESS_STORE, AWAITING_CATALOGUE_STORE)
                .to(users.name(), Produced.with(users.keySerde(), users.valueSerde()));
    }
}
