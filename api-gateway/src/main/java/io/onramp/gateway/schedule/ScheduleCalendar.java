package io.onramp.gateway.schedule;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A scheduled interview as an iCalendar event (RFC 5545) built with ical4j: times in the interview's time zone (with
 * its VTIMEZONE), the
 * organizer, the candidate and every interviewer as attendees (as {@code mailto:} where the people directory knows
 * their address), the location or meeting URL, and a SEQUENCE that is the interview's version less one (0 when first scheduled), as in the invitations
 * mailed for it, so calendars take every change of times or panel as an update. A cancelled interview is
 * {@code STATUS:CANCELLED} (method CANCEL).
 */
final class ScheduleCalendar {

    private static final String PRODUCT = "-//Onramp//Scheduled interviews//EN";
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private ScheduleCalendar() {}

    /** @param addresses addresses of the interview's people by user id, for those the directory knows */
    static String of(Schedule interview, Map<String, String> addresses) {
        ZoneId zone = ZoneId.of(interview.timezone());
        var event = new VEvent(
                interview.scheduledStart().atZone(zone),
                interview.scheduledEnd().atZone(zone),
                interview.title());
        event.add(new Uid(interview.id() + "@onramp"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, interview.version() - 1)));
        event.add(new LastModified(interview.updatedAt()));
        event.add(new Status(status(interview.status())));
        String where = interview.location() != null ? interview.location() : interview.meetingUrl();
        if (where != null) {
            event.add(new Location(where));
        }
        if (interview.meetingUrl() != null) {
            event.add(new Url(URI.create(interview.meetingUrl())));
        }
        if (interview.notes() != null) {
            event.add(new Description(interview.notes()));
        }
        event.add(new Organizer(
                new ParameterList(List.of(new Cn(interview.organizerId()))), user(interview.organizerId(), addresses)));
        var candidate = interview.candidate();
        event.add(new Attendee(
                new ParameterList(List.of(new Cn(candidate.name()), Role.REQ_PARTICIPANT)),
                URI.create("mailto:" + candidate.email())));
        for (String interviewer : interview.interviewerIds()) {
            event.add(new Attendee(
                    new ParameterList(List.of(new Cn(interviewer), Role.REQ_PARTICIPANT)),
                    user(interviewer, addresses)));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(interview.status().equals("cancelled") ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        // The TZID of the times names a VTIMEZONE of the same calendar (RFC 5545 §3.2.19): ical4j ships the IANA rules.
        var timeZone = ZONES.getTimeZone(interview.timezone());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        calendar.add(event);
        return calendar.toString();
    }

    /** A user's address, or, when the directory has none, a URN naming them by id. */
    private static URI user(String userId, Map<String, String> addresses) {
        String address = addresses.get(userId);
        if (address != null) {
            return URI.create("mailto:" + address);
        }
        return URI.create("urn:onramp:user:" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
    }

    private static String status(String status) {
        return switch (status) {
            case "cancelled" -> Status.VALUE_CANCELLED;
            case "confirmed", "in_progress", "completed" -> Status.VALUE_CONFIRMED;
            default -> Status.VALUE_TENTATIVE;
        };
    }
}
