package io.onramp.workflow.domain.schedule;

import java.time.Instant;

/** An interviewer's place on a non-final interview's panel, from start to end. */
public record Booking(String scheduleId, Instant start, Instant end) {

    /** Half-open intervals: an interview ending at 10:00 does not overlap one starting at 10:00. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
