package io.onramp.reminder.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The window of each kind of reminder; {@link #DEFAULT} is DESIGN.md §7's. */
public record ReminderSettings(Map<ReminderKind, ReminderWindow> windows) {

    /** 1 day (window 23–25 h before the start), 1 hour (55–65 min), 15 minutes (10–20 min). */
    public static final ReminderSettings DEFAULT = new ReminderSettings(Map.of(
            ReminderKind.ONE_DAY,
            new ReminderWindow(Duration.ofHours(24), Duration.ofHours(25), Duration.ofHours(23)),
            ReminderKind.ONE_HOUR,
            new ReminderWindow(Duration.ofMinutes(60), Duration.ofMinutes(65), Duration.ofMinutes(55)),
            ReminderKind.FIFTEEN_MINUTES,
            new ReminderWindow(Duration.ofMinutes(15), Duration.ofMinutes(20), Duration.ofMinutes(10))));

    public ReminderSettings {
        var all = new EnumMap<ReminderKind, ReminderWindow>(ReminderKind.class);
        all.putAll(windows);
        if (all.size() != ReminderKind.values().length) {
            throw new IllegalArgumentException("every kind of reminder needs a window: " + windows.keySet());
        }
        windows = Map.copyOf(all);
    }

    public ReminderWindow of(ReminderKind kind) {
        return windows.get(kind);
    }
}
