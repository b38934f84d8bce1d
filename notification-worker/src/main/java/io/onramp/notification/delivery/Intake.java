package io.onramp.notification.delivery;

import io.onramp.domain.people.Person;
import io.onramp.notification.adapters.jdbc.DeliveryLog;
import io.onramp.notification.adapters.jdbc.PeopleDirectory;
import io.onramp.notification.adapters.mail.MailRenderer;
import io.onramp.notification.domain.Addressee;
import io.onramp.notification.domain.Addressing;
import io.onramp.notification.domain.NewNotification;
import io.onramp.notification.domain.NotificationRequest;
import io.onramp.notification.domain.NotificationRules;
import io.onramp.notification.domain.SourceEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns source events into logged notifications: the rules decide who hears what, the directory addresses each one
 * (or finds no address: undeliverable), the renderer writes it, and the delivery log keeps it before anything is
 * sent. A redelivered event names the same ids and adds nothing.
 */
@Component
public class Intake {

    private final PeopleDirectory directory;
    private final MailRenderer renderer;
    private final DeliveryLog log;
    private final DeliveryMetrics metrics;
    private final Dispatcher dispatcher;
    private final Clock clock;

    Intake(
            PeopleDirectory directory,
            MailRenderer renderer,
            DeliveryLog log,
            DeliveryMetrics metrics,
            Dispatcher dispatcher,
            Clock clock) {
        this.directory = directory;
        this.renderer = renderer;
        this.log = log;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Logs every notification the events call for; returns how many were new. */
    public int accept(List<SourceEvent> events) {
        List<NewNotification> notifications = new ArrayList<>();
        for (SourceEvent event : events) {
            List<NotificationRequest> requests = NotificationRules.requestsFor(event);
            if (requests.isEmpty()) {
                continue;
            }
            Map<String, Person> people = directory.find(event.tenantId(), involved(event, requests));
            Map<String, String> addresses = new HashMap<>();
            people.forEach((id, person) -> addresses.put(id, person.email()));
            for (NotificationRequest request : requests) {
                Addressee to = Addressing.resolve(request, Optional.ofNullable(people.get(request.recipientId())));
                notifications.add(new NewNotification(request, to, renderer.render(request, to, addresses)));
            }
        }
        if (notifications.isEmpty()) {
            return 0;
        }
        List<NewNotification> inserted = log.insert(notifications, clock.instant());
        inserted.stream()
                .filter(notification -> !notification.to().deliverable())
                .forEach(notification ->
                        metrics.undeliverable(notification.request().kind()));
        if (inserted.stream().anyMatch(notification -> notification.to().deliverable())) {
            dispatcher.wake();
        }
        return inserted.size();
    }

    /** Everyone whose directory entry the notifications need: the recipients, and the attendees of an invite. */
    private static Set<String> involved(SourceEvent event, List<NotificationRequest> requests) {
        Set<String> ids = new LinkedHashSet<>();
        requests.forEach(request -> ids.add(request.recipientId()));
        Addressing.interviewOf(event).ifPresent(interview -> {
            ids.add(interview.organizerId());
            ids.addAll(interview.interviewerIds());
        });
        return ids;
    }
}
