package io.onramp.notification.adapters.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's short name at an instant ("JST", "CET"/"CEST"), the same whichever thread asks first. The JDK's CLDR
 * provider has few short names and fills the rest in lazily from its legacy data; threads that race on that first
 * look-up can get the GMT-offset form instead ("GMT+09:00") for the rest of the process. Names are therefore looked
 * up one at a time, once per zone, daylight flag and locale, and cached.
 */
final class ZoneAbbreviations {

    private record Key(ZoneId zone, boolean daylight, Locale locale) {}

    private static final Map<Key, String> NAMES = new ConcurrentHashMap<>();
    private static final Object LOOKUP = new Object();

    private ZoneAbbreviations() {}

    static String at(Instant instant, ZoneId zone, Locale locale) {
        var key = new Key(zone, zone.getRules().isDaylightSavings(instant), locale);
        String known = NAMES.get(key);
        if (known != null) {
            return known;
        }
        synchronized (LOOKUP) {
            return NAMES.computeIfAbsent(
                    key, k -> DateTimeFormatter.ofPattern("zzz", locale).format(instant.atZone(zone)));
        }
    }
}
