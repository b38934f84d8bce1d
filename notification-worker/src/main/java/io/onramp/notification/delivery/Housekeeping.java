package io.onramp.notification.delivery;

import io.onramp.notification.adapters.jdbc.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Declares {@code unknown} the sends whose lease ran out (their sender died or hung mid-send: the mail may have gone
 * out, so it is never sent again by itself), and forgets finished notifications past the log's retention.
 */
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final DeliveryLog deliveryLog;
    private final Duration retention;
    private final Clock clock;

    public Housekeeping(DeliveryLog deliveryLog, Duration retention, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onramp.notification-worker.lease-check-interval}")
    public void expireLeases() {
        int expired = deliveryLog.expireLeases(clock.instant());
        if (expired > 0) {
            log.warn("{} notifications were still sending when their lease ran out: now unknown", expired);
        }
    }

    @Scheduled(fixedDelayString = "${onramp.notification-worker.purge-interval}")
    public void purge() {
        int purged = deliveryLog.purge(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("Forgot {} notifications finished more than {} ago", purged, retention);
        }
    }
}
