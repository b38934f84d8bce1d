package io.onramp.timers;

import java.time.Duration;

/**
 * How often a timer store is checked for due timers, and how many may fire per check.
 *
 * @param interval wall-clock time between checks: the worst firing delay a healthy instance adds
 * @param maxPerPunctuation at most this many timers fire per check, so that a backlog (after downtime) drains over
 *     several checks while the stream thread keeps processing its input in between
 */
public record TimerSettings(Duration interval, int maxPerPunctuation) {

    public static final TimerSettings DEFAULT = new TimerSettings(Duration.ofMillis(100), 2_000);

    public TimerSettings {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMillis(250)) > 0) {
            throw new IllegalArgumentException("timer interval must be between 1 ms and 250 ms: " + interval);
        }
        if (maxPerPunctuation < 1) {
            throw new IllegalArgumentException("timers per punctuation must be positive: " + maxPerPunctuation);
        }
    }
}
