package io.onramp.reminder.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a change or a due timer does to an interview's reminders.
 *
 * @param state the interview's reminder state to keep, or empty when nothing changes
 * @param changes every reminder whose status was set by it: {@code ARMED} ones wait for their due time, the others are
 *     final (fired, skipped or cancelled) and have no timer any more
 */
public record ReminderPlan(Optional<ScheduleReminders> state, List<Reminder> changes) {

    public static final ReminderPlan NONE = new ReminderPlan(Optional.empty(), List.of());

    public ReminderPlan {
        changes = List.copyOf(changes);
    }
}
