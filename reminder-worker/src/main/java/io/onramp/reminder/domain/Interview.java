package io.onramp.reminder.domain;

import java.time.Instant;
import java.util.List;

/** A scheduled interview as the reminders need it: its times, where it happens, and who is reminded. */
public record Interview(
        String title,
        String interviewType,
        Instant start,
        Instant end,
        String timezone,
        String meetingUrl,
        String location,
        Candidate candidate,
        String organizerId,
        List<String> interviewerIds) {

    public Interview {
        interviewerIds = List.copyOf(interviewerIds);
    }

    public record Candidate(String id, String name, String email, String timezone) {}
}
