package io.onramp.notification.domain;

import java.util.UUID;

/** One notification the rules decided on: what, to whom, and why; not yet addressed or rendered. */
public record NotificationRequest(UUID id, NotificationKind kind, Role role, String recipientId, SourceEvent source) {}
