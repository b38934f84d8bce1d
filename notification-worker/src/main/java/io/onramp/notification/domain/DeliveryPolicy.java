package io.onramp.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What a send's outcome makes of a notification (DESIGN.md §12): accepted → {@code sent}; a transient failure →
 * {@code failed} and another try after an exponential back-off with jitter, or {@code dead} after the last try; a
 * permanent refusal → {@code dead} at once; an outcome not known → {@code unknown}, never tried again by itself.
 *
 * @param maxAttempts tries in all, the first included
 * @param firstBackoff the wait after the first failure
 * @param multiplier how much each further wait grows
 * @param maxBackoff no wait is longer
 */
public record DeliveryPolicy(int maxAttempts, Duration firstBackoff, double multiplier, Duration maxBackoff) {

    public DeliveryPolicy {
        if (maxAttempts < 1 || firstBackoff.isNegative() || multiplier < 1 || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("invalid delivery policy " + maxAttempts + " tries, back-off "
                    + firstBackoff + " ×" + multiplier + " up to " + maxBackoff);
        }
    }

    /** What a send ended with. */
    public enum Outcome {
        /** The server accepted the message. */
        ACCEPTED,
        /** Refused or timed-out connection, or a 4xx reply: nothing was handed over; safe to try again. */
        TRANSIENT,
        /** A 5xx reply: the server will not take this message. */
        PERMANENT,
        /** The connection broke after the message data went out: it may have been delivered. */
        UNKNOWN
    }

    /** The status a notification takes, and when it is next tried if it is. */
    public record Next(Status status, Instant nextAttemptAt) {}

    /**
     * @param attempts tries so far, this one included
     * @param random a uniform value in [0, 1), for the jitter
     */
    public Next after(Outcome outcome, int attempts, Instant now, DoubleSupplier random) {
        return switch (outcome) {
            case ACCEPTED -> new Next(Status.SENT, null);
            case PERMANENT -> new Next(Status.DEAD, null);
            case UNKNOWN -> new Next(Status.UNKNOWN, null);
            case TRANSIENT ->
                attempts >= maxAttempts
                        ? new Next(Status.DEAD, null)
                        : new Next(Status.FAILED, now.plus(backoff(attempts, random.getAsDouble())));
        };
    }

    /**
     * The wait after the {@code attempts}-th failure: {@code firstBackoff × multiplier^(attempts−1)}, capped, of which
     * a random half is kept ("equal jitter"), so that notifications failing together do not retry together.
     */
    public Duration backoff(int attempts, double random) {
        double base = Math.min(
                maxBackoff.toMillis(), firstBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1)));
        return Duration.ofMillis(Math.round(base / 2 + random * base / 2));
    }
}
