package io.onramp.workflow.topology.schedule;

import io.onramp.schemas.InterviewerBookings;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.ScheduleTemplate;
import io.onramp.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Scheduled interviews. Commands are keyed by tenant, so that the double-booking check sees every interviewer's
 * bookings of the tenant in the same task, whatever the number of worker instances; every decision goes to
 * {@code schedule-outcomes} (read model and reply) and every accepted change to {@code schedule-events}, keyed by
 * tenant and interview, for reminders, notifications and guest workflows.
 */
public final class ScheduleTopology {

    static final String SCHEDULES_STORE = "schedules";
    static final String BOOKINGS_STORE = "interviewer-bookings";
    static final String TEMPLATES_STORE = "schedule-templates";

    private final Topics topics;
    private final Clock clock;

    public ScheduleTopology(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        var commands = topics.scheduleCommands;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SCHEDULES_STORE),
                commands.keySerde(),
                topics.storeSerde(Schedule.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TEMPLATES_STORE),
                commands.keySerde(),
                topics.storeSerde(ScheduleTemplate.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BOOKINGS_STORE),
                commands.keySerde(),
                topics.storeSerde(InterviewerBookings.class)));

        KStream<String, ScheduleOutcome> outcomes = builder.stream(
                        commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()))
                .processValues(
                        () -> new ScheduleCommandProcessor(clock), SCHEDULES_STORE, BOOKINGS_STORE, TEMPLATES_STORE);
        var outcomeTopic = topics.scheduleOutcomes;
        outcomes.to(outcomeTopic.name(), Produced.with(outcomeTopic.keySerde(), outcomeTopic.valueSerde()));
        var events = topics.scheduleEvents;
        outcomes.filter((tenant, outcome) -> outcome.getEvent() != null)
                .map((tenant, outcome) -> org.apache.kafka.streams.KeyValue.pair(
                        Keys.of(tenant, outcome.getEvent().getScheduleId()), outcome.getEvent()))
                .to(events.name(), Produced.with(events.keySerde(), events.valueSerde()));
    }
}
