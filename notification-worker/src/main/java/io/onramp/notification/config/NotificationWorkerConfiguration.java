package io.onramp.notification.config;

import io.onramp.notification.adapters.jdbc.DeliveryLog;
import io.onramp.notification.adapters.mail.InterviewInvite;
import io.onramp.notification.adapters.mail.MailRenderer;
import io.onramp.notification.adapters.mail.SmtpSender;
import io.onramp.notification.delivery.DeliveryMetrics;
import io.onramp.notification.delivery.Dispatcher;
import io.onramp.notification.delivery.Housekeeping;
import io.onramp.platform.jdbc.CommandOutcomes;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires rendering, the SMTP sender, the dispatcher and the log's housekeeping. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({NotificationWorkerProperties.class, MailProperties.class})
@Import(CommandOutcomes.class)
class NotificationWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MailRenderer mailRenderer(NotificationWorkerProperties properties) {
        return new MailRenderer(new InterviewInvite(address(properties.from())));
    }

    @Bean
    SmtpSender smtpSender(MailProperties mail, NotificationWorkerProperties properties) {
        return new SmtpSender(mail.getHost(), mail.getPort(), properties.from(), properties.smtpTimeout());
    }

    @Bean
    Dispatcher dispatcher(
            DeliveryLog deliveryLog,
            SmtpSender smtp,
            DeliveryMetrics metrics,
            NotificationWorkerProperties properties,
            Clock clock) {
        // The lease owner names this process, and differs on every start: a restarted instance never mistakes a
        // lease its predecessor held for its own.
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        return new Dispatcher(deliveryLog, smtp, properties.policy(), metrics, properties.dispatcher(), clock, owner);
    }

    @Bean
    Housekeeping housekeeping(DeliveryLog deliveryLog, NotificationWorkerProperties properties, Clock clock) {
        return new Housekeeping(deliveryLog, properties.retention(), clock);
    }

    /** The bare address of {@code Name <address>}. */
    private static String address(String from) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("onramp.notification-worker.from is not an address: " + from, e);
        }
    }
}
