package io.onramp.reminder.topology;

import io.onramp.reminder.domain.Reminder;
import io.onramp.reminder.domain.ReminderPlan;
import io.onramp.reminder.domain.ReminderRules;
import io.onramp.schemas.Keys;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderTimer;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.ScheduleReminders;
import io.onramp.timers.Timer;
import io.onramp.timers.TimerPunctuation;
import io.onramp.timers.TimerSettings;
import io.onramp.timers.Timers;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each interview's reminders beside their timers, in the task that owns the interview's key: a schedule event
 * arms, fires, skips or cancels them by the rules, and a due timer fires or skips its reminder. Every reminder whose
 * status changes is forwarded, in the same exactly-once transaction as the state and timer changes behind it.
 */
final class ReminderProcessor implements Processor<String, ScheduleEvent, String, ReminderEvent> {

    private final ReminderRules rules;
    private final TimerSettings timerSettings;
    private final Serde<ReminderTimer> timerSerde;
    private final Clock clock;
    private ProcessorContext<String, ReminderEvent> context;
    private KeyValueStore<String, ScheduleReminders> schedules;
    private Timers<ReminderTimer> timers;

    ReminderProcessor(ReminderRules rules, TimerSettings timerSettings, Serde<ReminderTimer> timerSerde, Clock clock) {
        this.rules = rules;
        this.timerSettings = timerSettings;
        this.timerSerde = timerSerde;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ReminderEvent> context) {
        this.context = context;
        this.schedules = context.getStateStore(ReminderTopology.SCHEDULES_STORE);
        this.timers = Timers.of(context, ReminderTopology.TIMERS, timerSerde);
        TimerPunctuation.schedule(context, timers, timerSettings, clock, this::due);
    }

    @Override
    public void process(Record<String, ScheduleEvent> record) {
        ScheduleEvent event = record.value();
        var current = Optional.ofNullable(schedules.get(record.key())).map(ReminderAvro::state);
        Instant now = clock.instant();
        apply(
                record.key(),
                rules.onChange(event.getTenantId(), event.getScheduleId(), current, ReminderAvro.change(event), now),
                now);
    }

    private void due(Timer<ReminderTimer> timer) {
        String key = timer.payload().getScheduleKey();
        ScheduleReminders stored = schedules.get(key);
        if (stored == null) {
            return;
        }
        Instant now = clock.instant();
        var kind = ReminderAvro.kind(timer.payload().getKind());
        apply(key, rules.onDue(ReminderAvro.state(stored), kind, timer.payload().getVersion(), now), now);
    }

    private void apply(String key, ReminderPlan plan, Instant now) {
        if (plan.state().isEmpty()) {
            return;
        }
        var state = plan.state().get();
        schedules.put(key, ReminderAvro.avro(state));
        for (Reminder reminder : plan.changes()) {
            String timerId = Keys.of(state.tenantId(), reminder.id(state.scheduleId()));
            if (reminder.armed()) {
                timers.arm(
                        timerId,
                        reminder.dueAt(),
                        new ReminderTimer(key, ReminderAvro.kind(reminder.kind()), reminder.version()));
            } else {
                timers.cancel(timerId);
            }
            context.forward(new Record<>(key, ReminderAvro.event(state, reminder, now), now.toEpochMilli()));
        }
    }
}
