package io.onramp.timers;

import java.time.Instant;
import java.util.Objects;

/**
 * One armed timer: what to hand back, and when.
 *
 * @param id unique among the timers of one store; arming the same id again moves the timer
 * @param due when it falls due (millisecond precision)
 * @param payload what the owner needs when it fires
 */
public record Timer<V>(String id, Instant due, V payload) {

    public Timer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
    }
}
