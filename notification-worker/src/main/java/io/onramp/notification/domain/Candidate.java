package io.onramp.notification.domain;

/** The person interviewed, with the contact given for the interview. */
public record Candidate(String id, String name, String email, String timezone) {}
