package io.onramp.reminder.domain;

import java.util.List;

/**
 * The reminders of one scheduled interview: the last version of it seen, the interview as it stands, and the reminders
 * of the version its times were last set at.
 *
 * @param closed the interview has started or reached a final status: nothing is armed for it
 */
public record ScheduleReminders(
        String tenantId,
        String scheduleId,
        long lastVersion,
        boolean closed,
        Interview interview,
        List<Reminder> reminders) {

    public ScheduleReminders {
        reminders = List.copyOf(reminders);
    }
}
