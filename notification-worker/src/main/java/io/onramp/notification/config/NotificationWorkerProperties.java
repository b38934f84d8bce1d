package io.onramp.notification.config;

import io.onramp.notification.delivery.Dispatcher;
import io.onramp.notification.domain.DeliveryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification-worker's own settings, bound from {@code onramp.notification-worker.*}.
 *
 * @param from the sender of every mail, and the organizer of invites whose organizer has no address
 * @param maxAttempts tries in all before a transiently failing notification is {@code dead}
 * @param firstBackoff the wait after the first failed try; each further wait is {@code backoffMultiplier} times longer,
 *     up to {@code maxBackoff}, of which a random half is kept (jitter)
 * @param senders sender threads per instance
 * @param batchSize notifications a sender claims at once, sent over one SMTP connection
 * @param lease how long a sender holds what it claimed: a send still running past it becomes {@code unknown}
 * @param smtpTimeout connect, read and write timeout of the SMTP connection (well below {@code lease / batchSize})
 * @param pollInterval how often an idle sender looks for retries falling due and work logged elsewhere
 * @param leaseCheckInterval how often leases that ran out are looked for
 * @param retention how long finished notifications (and the addresses they hold) are kept
 * @param purgeInterval how often the log is purged
 * @param eventRelayInterval how often status changes are published on {@code notification-events}
 * @param intakeConcurrency consumer threads per source topic
 */
@ConfigurationProperties("onramp.notification-worker")
public record NotificationWorkerProperties(
        @DefaultValue("Onramp <notifications@onramp.local>") String from,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("3.0") double backoffMultiplier,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("2") int senders,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10s") Duration smtpTimeout,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5s") Duration leaseCheckInterval,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("100ms") Duration eventRelayInterval,
        @DefaultValue("2") int intakeConcurrency) {

    DeliveryPolicy policy() {
        return new DeliveryPolicy(maxAttempts, firstBackoff, backoffMultiplier, maxBackoff);
    }

    Dispatcher.Settings dispatcher() {
        return new Dispatcher.Settings(senders, batchSize, lease, pollInterval);
    }
}
