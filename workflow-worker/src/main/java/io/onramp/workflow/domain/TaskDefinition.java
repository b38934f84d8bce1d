package io.onramp.workflow.domain;

/**
 * One task as a definition describes it.
 *
 * @param completesOn a domain event that completes the task ({@code event_type} or {@code event_type:qualifier}), or
 *     null when only people complete it
 */
public record TaskDefinition(
        String key, String title, String description, String linkText, String linkUrlPath, String completesOn) {}
