package io.onramp.workflow.domain.schedule;

/** The person interviewed: a user of the tenant, how to reach them, and their IANA time zone. */
public record Candidate(String id, String name, String email, String timezone) {}
