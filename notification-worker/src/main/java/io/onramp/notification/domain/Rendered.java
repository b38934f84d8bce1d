package io.onramp.notification.domain;

/**
 * A notification as its recipient reads it.
 *
 * @param calendar the iCalendar invite (RFC 5545/5546), {@code null} for kinds without one
 */
public record Rendered(String subject, String text, String html, String calendar) {}
