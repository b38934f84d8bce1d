package io.onramp.workflow.domain.schedule;

import java.util.Map;

/** Feedback as a client sent it, before validation: any field may be missing or wrong. */
public record FeedbackDraft(
        Integer overallRating,
        Integer technicalSkills,
        Integer communication,
        Integer culturalFit,
        Integer problemSolving,
        String recommendation,
        String strengths,
        String weaknesses,
        String notes,
        String privateNotes,
        Map<String, Integer> customRatings) {}
