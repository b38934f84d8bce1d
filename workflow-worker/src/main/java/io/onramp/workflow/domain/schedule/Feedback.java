package io.onramp.workflow.domain.schedule;

import java.time.Instant;
import java.util.Map;

/** One panel interviewer's feedback; ratings 1-5 (null when not given), texts sanitised. */
public record Feedback(
        String interviewerId,
        int overallRating,
        Integer technicalSkills,
        Integer communication,
        Integer culturalFit,
        Integer problemSolving,
        String recommendation,
        String strengths,
        String weaknesses,
        String notes,
        String privateNotes,
        Map<String, Integer> customRatings,
        Instant submittedAt) {

    public Feedback {
        customRatings = Map.copyOf(customRatings);
    }
}
