package io.onramp.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification a sender holds the lease of, with everything the send needs.
 *
 * @param attempts tries so far, this one included
 */
public record Outgoing(
        UUID id,
        NotificationKind kind,
        String recipient,
        String recipientName,
        Rendered content,
        int attempts,
        Instant sourceOccurredAt) {}
