package io.onramp.notification.domain;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where a notification goes and how it is written for its recipient.
 *
 * @param address {@code null} when no address is known: the notification is {@code undeliverable}
 * @param name how the mail addresses the recipient (their name, else their user id)
 * @param zone the zone times are shown in
 */
public record Addressee(String recipientId, String address, String name, ZoneId zone, Locale locale) {

    public boolean deliverable() {
        return address != null;
    }
}
