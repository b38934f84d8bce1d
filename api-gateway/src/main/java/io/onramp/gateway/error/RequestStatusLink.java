package io.onramp.gateway.error;

/**
 * The body of {@code 202 Accepted}: the command was accepted and is still being decided; its outcome will be at
 * {@code location} ({@code GET /api/v1/requests/{id}}).
 */
public record RequestStatusLink(String requestId, String status, String location) {}
