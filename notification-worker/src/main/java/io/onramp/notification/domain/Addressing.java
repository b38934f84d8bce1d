package io.onramp.notification.domain;

import io.onramp.domain.people.Person;
import io.onramp.notification.domain.SourceEvent.InterviewChanged;
import io.onramp.notification.domain.SourceEvent.ReminderFired;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Addresses a notification (DESIGN.md §12): the candidate at the contact given with the interview, anyone else at
 * their address in the people directory, or nowhere (undeliverable). Times are shown in the zone of the recipient's
 * directory entry, else the candidate's own zone, else the interview's; the locale is the directory's, else English.
 */
public final class Addressing {

    private Addressing() {}

    public static Addressee resolve(NotificationRequest request, Optional<Person> person) {
        Optional<Interview> interview = interviewOf(request.source());
        Locale locale = person.map(Person::locale).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
        Optional<ZoneId> ownZone = person.map(Person::timezone).map(ZoneId::of);
        ZoneId interviewZone = interview.map(i -> ZoneId.of(i.timezone())).orElse(ZoneOffset.UTC);
        if (request.role() == Role.CANDIDATE && interview.isPresent()) {
            Candidate candidate = interview.get().candidate();
            ZoneId zone = ownZone.orElseGet(() -> zoneOrElse(candidate.timezone(), interviewZone));
            return new Addressee(request.recipientId(), candidate.email(), candidate.name(), zone, locale);
        }
        return new Addressee(
                request.recipientId(),
                person.map(Person::email).orElse(null),
                person.map(Person::name).orElse(request.recipientId()),
                ownZone.orElse(interviewZone),
                locale);
    }

    public static Optional<Interview> interviewOf(SourceEvent source) {
        if (source instanceof InterviewChanged changed) {
            return Optional.of(changed.interview());
        }
        if (source instanceof ReminderFired reminder) {
            return Optional.of(reminder.interview());
        }
        return Optional.empty();
    }

    private static ZoneId zoneOrElse(String zone, ZoneId fallback) {
        try {
            return zone == null || zone.isBlank() ? fallback : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
