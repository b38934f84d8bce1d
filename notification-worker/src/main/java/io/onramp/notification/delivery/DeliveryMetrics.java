package io.onramp.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.Status;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code onramp_notifications_total{kind, status}} counts notifications reaching {@code sent}, {@code failed} (each
 * failed try), {@code dead}, {@code unknown} and {@code undeliverable}; {@code onramp_notification_delivery_seconds}
 * is the delay from the source event to the mail server's acceptance, as a histogram.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer delay;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.delay = Timer.builder("onramp.notification.delivery")
                .description("From the source event to the mail server accepting the notification")
                .publishPercentileHistogram()
                .register(registry);
    }

    void changed(NotificationKind kind, Status status) {
        Counter.builder("onramp.notifications")
                .description("Notifications by the status they reached")
                .tag("kind", kind.label())
                .tag("status", status.label())
                .register(registry)
                .increment();
    }

    void undeliverable(NotificationKind kind) {
        changed(kind, Status.UNDELIVERABLE);
    }

    void delivered(Duration sinceSource) {
        delay.record(sinceSource.isNegative() ? Duration.ZERO : sinceSource);
    }
}
