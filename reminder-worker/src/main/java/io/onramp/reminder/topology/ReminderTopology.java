package io.onramp.reminder.topology;

import io.onramp.reminder.domain.ReminderRules;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.ReminderTimer;
import io.onramp.schemas.ScheduleReminders;
import io.onramp.schemas.Topics;
import io.onramp.timers.TimerSettings;
import io.onramp.timers.Timers;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Reminders of scheduled interviews. {@code schedule-events} is keyed by tenant and interview, so one task holds an
 * interview's reminders and their timers, whatever the number of instances. Every change of a reminder goes to
 * {@code reminder-outcomes} (the read model); fired, skipped and cancelled ones also to the public {@code reminders}.
 */
public final class ReminderTopology {

    static final String SCHEDULES_STORE = "reminder-schedules";
    static final String TIMERS = "reminder-timers";

    private final Topics topics;
    private final ReminderRules rules;
    private final TimerSettings timerSettings;
    private final Clock clock;

    public ReminderTopology(Topics topics, ReminderRules rules, TimerSettings timerSettings, Clock clock) {
        this.topics = topics;
        this.rules = rules;
        this.timerSettings = timerSettings;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        var events = topics.scheduleEvents;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SCHEDULES_STORE),
                events.keySerde(),
                topics.storeSerde(ScheduleReminders.class)));
        Timers.storeBuilders(TIMERS).forEach(builder::addStateStore);

        var timerSerde = topics.storeSerde(ReminderTimer.class);
        KStream<String, ReminderEvent> changes = builder.stream(
                        events.name(), Consumed.with(events.keySerde(), events.valueSerde()))
                .process(
                        () -> new ReminderProcessor(rules, timerSettings, timerSerde, clock),
                        Timers.storeNames(TIMERS, SCHEDULES_STORE));
        var outcomes = topics.reminderOutcomes;
        changes.to(outcomes.name(), Produced.with(outcomes.keySerde(), outcomes.valueSerde()));
        var reminders = topics.reminders;
        changes.filter((key, reminder) -> reminder.getStatus() != ReminderStatus.ARMED)
                .to(reminders.name(), Produced.with(reminders.keySerde(), reminders.valueSerde()));
    }
}
