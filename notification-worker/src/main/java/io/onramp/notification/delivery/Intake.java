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
import java.util.LinkedHashMap;
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
        // One look-up in the directory per tenant and batch, for every person the batch's notifications involve.
        Map<String, List<SourceEvent>> byTenant = new LinkedHashMap<>();
        events.forEach(event -> byTenant.computeIfAbsent(event.tenantId(), t -> new ArrayList<>())
                .add(event));
        List<NewNotification> notifications = new ArrayList<>();
        byTenant.forEach((tenant, tenantEvents) -> notifications.addAll(notifications(tenant, tenantEvents)));
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

    private List<NewNotification> notifications(String tenant, List<SourceEvent> events) {
        Map<SourceEvent, List<NotificationRequest>> requests = new LinkedHashMap<>();
        Set<String> involved = new LinkedHashSet<>();
        for (SourceEvent event : events) {
            List<NotificationRequest> decided = NotificationRules.requestsFor(event);
            if (!decided.isEmpty()) {
                requests.put(event, decided);
                involved.addAll(involved(event, decided));
            }
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, Person> people = directory.find(tenant, involved);
        List<NewNotification> notifications = new ArrayList<>();
        requests.values()
                .forEach(decided -> decided.forEach(request -> {
                    Addressee to = Addressing.resolve(request, Optional.ofNullable(people.get(request.recipientId())));
                    notifications.add(new NewNotification(request, to, renderer.render(request, to, people)));
                }));
        return notifications;
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
