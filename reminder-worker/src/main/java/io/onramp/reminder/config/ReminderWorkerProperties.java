package io.onramp.reminder.config;

import io.onramp.reminder.domain.ReminderKind;
import io.onramp.reminder.domain.ReminderSettings;
import io.onramp.reminder.domain.ReminderWindow;
import io.onramp.timers.TimerSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminder-worker's own settings, bound from {@code onramp.reminder-worker.*}.
 *
 * @param timerInterval how often due timers are looked for (at most 250 ms): the most a healthy worker adds to a
 *     reminder's firing delay
 * @param timersPerPunctuation at most this many timers fire per look, so a backlog after downtime drains in steps
 *     while new schedule events are still processed in between
 * @param oneDay due time and window of the 1-day reminder, each as a time before the interview's start
 * @param oneHour the same for the 1-hour reminder
 * @param fifteenMinutes the same for the 15-minute reminder
 * @param projectionConcurrency consumer threads projecting reminders into PostgreSQL
 */
@ConfigurationProperties("onramp.reminder-worker")
public record ReminderWorkerProperties(
        @DefaultValue("100ms") Duration timerInterval,
        @DefaultValue("2000") int timersPerPunctuation,
        Window oneDay,
        Window oneHour,
        Window fifteenMinutes,
        @DefaultValue("2") int projectionConcurrency) {

    /** A reminder's due time and window, each as a time before the interview's start. */
    public record Window(Duration dueBefore, Duration opensBefore, Duration closesBefore) {

        ReminderWindow toDomain() {
            return new ReminderWindow(dueBefore, opensBefore, closesBefore);
        }
    }

    TimerSettings timers() {
        return new TimerSettings(timerInterval, timersPerPunctuation);
    }

    ReminderSettings reminders() {
        return new ReminderSettings(Map.of(
                ReminderKind.ONE_DAY, oneDay.toDomain(),
                ReminderKind.ONE_HOUR, oneHour.toDomain(),
                ReminderKind.FIFTEEN_MINUTES, fifteenMinutes.toDomain()));
    }
}
