package io.onramp.access.domain;

import io.onramp.domain.text.TextSanitizer;

/**
 * What an organisation says about an interview when it defines one.
 *
 * @param durationSeconds how long an attempt may last
 * @param defaultAccessAllowed anyone in the tenant may start an attempt, grant or not
 * @param endsAfterDuration an attempt ends by itself once its duration has passed
 */
public record InterviewSpec(
        String title,
        String description,
        int durationSeconds,
        boolean defaultAccessAllowed,
        boolean endsAfterDuration) {

    /** Title and description as plain text: markup is never stored, whoever renders them later. */
    public InterviewSpec plainText() {
        return new InterviewSpec(
                TextSanitizer.plainText(title),
                TextSanitizer.plainText(description),
                durationSeconds,
                defaultAccessAllowed,
                endsAfterDuration);
    }
}
