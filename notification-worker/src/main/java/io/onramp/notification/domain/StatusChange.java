package io.onramp.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One change of a notification's status, as {@code notification-events} announces it. */
public record StatusChange(
        UUID id,
        String tenantId,
        NotificationKind kind,
        String recipientId,
        String recipient,
        Status status,
        int attempts,
        String lastError,
        String source,
        String scheduleId,
        String guestId,
        Instant occurredAt) {}
