package io.onramp.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled interview as an event describes it, with what mail about it shows.
 *
 * @param version the schedule's version: it rises with every change, so it orders calendar updates (SEQUENCE)
 * @param cancellationReason why it was cancelled, when it was
 */
public record Interview(
        String scheduleId,
        String title,
        String interviewType,
        Instant start,
        Instant end,
        String timezone,
        String meetingUrl,
        String location,
        Candidate candidate,
        String organizerId,
        List<String> interviewerIds,
        long version,
        String cancellationReason) {

    public Interview {
        interviewerIds = List.copyOf(interviewerIds);
    }
}
