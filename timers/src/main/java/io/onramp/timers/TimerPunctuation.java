package io.onramp.timers;

import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Fires a task's due timers on wall-clock punctuation. Stream time cannot drive timers: it stops when input stops,
 * and a reminder must fire whether or not anything else happens. Each punctuation takes at most
 * {@link TimerSettings#maxPerPunctuation()} due timers, earliest first, out of the store and hands each to the owner,
 * which forwards what it stands for: the removal and the output commit in the same exactly-once transaction, so a
 * timer fires once whatever happens to the instance.
 */
public final class TimerPunctuation {

    private TimerPunctuation() {}

    /**
     * @param clock the time the timers are compared with (the punctuation's own timestamp is not used, so that the
     *     owner's rules and its timers read one clock)
     * @param onDue called for each due timer, in the stream thread, inside the task's transaction
     */
    public static <V> Cancellable schedule(
            ProcessingContext context,
            Timers<V> timers,
            TimerSettings settings,
            Clock clock,
            Consumer<Timer<V>> onDue) {
        return context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> timers.takeDue(
                        clock.instant(), settings.maxPerPunctuation())
                .forEach(onDue));
    }
}
