package io.onramp.workflow.domain.schedule;

import static io.onramp.workflow.domain.schedule.ScheduleFields.MAX_TEXT;
import static io.onramp.workflow.domain.schedule.ScheduleFields.oneOf;
import static io.onramp.workflow.domain.schedule.ScheduleFields.plain;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Interview feedback: one per panel interviewer, once the interview is in progress or completed, every field checked. */
public final class FeedbackRules {

    public static final Set<String> RECOMMENDATIONS = Set.of("strong_yes", "yes", "maybe", "no", "strong_no");
    public static final int MAX_CUSTOM_RATINGS = 20;
    static final Pattern RATING_KEY = Pattern.compile("^[a-z0-9_]{1,40}$");

    private FeedbackRules() {}

    /** One feedback per panel interviewer, once the interview is in progress or completed. */
    public static Decision<ScheduleChange> submitFeedback(
            Optional<ScheduledInterview> existing, String interviewerId, FeedbackDraft draft, Instant now) {
        if (existing.isEmpty()) {
            return ScheduleRules.notFound();
        }
        ScheduledInterview interview = existing.get();
        if (!interview.interviewerIds().contains(interviewerId)) {
            return Decision.rejected(
                    Decision.Reason.NO_ACCESS,
                    "Access denied",
                    "interviewer_id",
                    "Only the interview's panel interviewers may submit feedback");
        }
        if (interview.status() != ScheduleStatus.IN_PROGRESS && interview.status() != ScheduleStatus.COMPLETED) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Scheduled interview is " + interview.status().wireName()
                            + "; feedback opens once it is in_progress or completed",
                    "status",
                    "Current status: " + interview.status().wireName());
        }
        if (interview.feedbackFrom(interviewerId).isPresent()) {
            return Decision.rejected(
                    Decision.Reason.CONFLICT,
                    "Feedback already submitted",
                    "interviewer_id",
                    interviewerId + " has submitted feedback for this interview");
        }
        List<Violation> violations = new ArrayList<>();
        if (draft.overallRating() == null) {
            violations.add(new Violation("overall_rating", "is required"));
        }
        rating(violations, "overall_rating", draft.overallRating());
        rating(violations, "technical_skills", draft.technicalSkills());
        rating(violations, "communication", draft.communication());
        rating(violations, "cultural_fit", draft.culturalFit());
        rating(violations, "problem_solving", draft.problemSolving());
        String recommendation = oneOf(violations, "recommendation", draft.recommendation(), RECOMMENDATIONS);
        String strengths = plain(violations, "strengths", draft.strengths(), MAX_TEXT, false);
        String weaknesses = plain(violations, "weaknesses", draft.weaknesses(), MAX_TEXT, false);
        String notes = plain(violations, "notes", draft.notes(), MAX_TEXT, false);
        String privateNotes = plain(violations, "private_notes", draft.privateNotes(), MAX_TEXT, false);
        Map<String, Integer> custom = customRatings(violations, draft.customRatings());
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        var feedback = new Feedback(
                interviewerId,
                draft.overallRating(),
                draft.technicalSkills(),
                draft.communication(),
                draft.culturalFit(),
                draft.problemSolving(),
                recommendation,
                orEmpty(strengths),
                orEmpty(weaknesses),
                orEmpty(notes),
                orEmpty(privateNotes),
                custom,
                now);
        List<Feedback> all = new ArrayList<>(interview.feedback());
        all.add(feedback);
        var next = interview.change();
        next.feedback = all;
        return ScheduleRules.accepted(next.at(now), ScheduleChange.Kind.FEEDBACK_SUBMITTED, interviewerId);
    }

    private static void rating(List<Violation> violations, String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            violations.add(new Violation(field, "must be between 1 and 5"));
        }
    }

    private static Map<String, Integer> customRatings(List<Violation> violations, Map<String, Integer> ratings) {
        Map<String, Integer> clean = new LinkedHashMap<>();
        if (ratings == null) {
            return clean;
        }
        if (ratings.size() > MAX_CUSTOM_RATINGS) {
            violations.add(new Violation("custom_ratings", "at most " + MAX_CUSTOM_RATINGS + " ratings"));
        }
        ratings.forEach((key, value) -> {
            if (!RATING_KEY.matcher(key).matches()) {
                violations.add(new Violation("custom_ratings." + key, "names are 1-40 of a-z, 0-9, '_'"));
            } else if (value == null || value < 1 || value > 5) {
                violations.add(new Violation("custom_ratings." + key, "must be between 1 and 5"));
            } else {
                clean.put(key, value);
            }
        });
        return clean;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
