package io.onramp.notification.domain;

import java.time.Instant;
import java.util.List;

/** Interviews and events the domain tests share. */
public final class Examples {

    public static final Instant START = Instant.parse("2026-12-03T15:00:00Z");
    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private Examples() {}

    public static Candidate candidate() {
        return new Candidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo");
    }

    public static Interview interview(String... interviewers) {
        return interview(START, 1, interviewers);
    }

    public static Interview interview(Instant start, long version, String... interviewers) {
        return new Interview(
                "s-1",
                "Technical interview",
                "technical",
                start,
                start.plusSeconds(3600),
                "America/Toronto",
                "https://zoom.us/j/1",
                "Virtual",
                candidate(),
                "u-1",
                List.of(interviewers),
                version,
                null);
    }

    public static SourceEvent.InterviewChanged changed(
            SourceEvent.InterviewChanged.Change change, Interview interview) {
        return changed(change, interview, List.of(), List.of(), List.of());
    }

    public static SourceEvent.InterviewChanged changed(
            SourceEvent.InterviewChanged.Change change,
            Interview interview,
            List<String> withoutFeedback,
            List<String> joined,
            List<String> left) {
        return new SourceEvent.InterviewChanged(
                "acme/s-1/" + interview.version(), "acme", change, interview, withoutFeedback, joined, left, NOW);
    }
}
