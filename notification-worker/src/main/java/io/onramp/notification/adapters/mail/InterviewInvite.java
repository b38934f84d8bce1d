package io.onramp.notification.adapters.mail;

import io.onramp.domain.people.Person;
import io.onramp.notification.domain.Interview;
import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.NotificationRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
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
 * The calendar invite of an interview (RFC 5545 with iTIP methods, RFC 5546), built with ical4j: one {@code UID} per
 * interview (the one {@code GET /schedules/{id}/calendar.ics} uses too), a {@code SEQUENCE} that is the schedule's
 * version less one (0 when first scheduled), so every later change of times or panel supersedes the invite before it, times in UTC (every calendar shows
 * them in its own zone), {@code METHOD:REQUEST} for a new or changed interview and {@code METHOD:CANCEL} for a
 * cancelled one or, addressed to them alone, for an interviewer who left the panel.
 */
public final class InterviewInvite {

    private static final String PRODUCT = "-//Onramp//Interview notifications//EN";

    private final String fromAddress;

    /** @param fromAddress the organizer's address when the organizer has none in the directory */
    public InterviewInvite(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    /** @param people the directory's entries of the interview's people; those without one are not attendees */
    public String of(Interview interview, NotificationRequest request, Map<String, Person> people) {
        NotificationKind kind = request.kind();
        boolean cancel = kind.invite() == NotificationKind.Invite.CANCEL;
        var event = new VEvent(interview.start(), interview.end(), interview.title());
        event.add(new Uid(interview.scheduleId() + "@onramp"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, interview.version() - 1)));
        event.add(new Status(
                kind == NotificationKind.INTERVIEW_CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        String where = interview.location() != null ? interview.location() : interview.meetingUrl();
        if (where != null) {
            event.add(new Location(where));
        }
        if (interview.meetingUrl() != null) {
            event.add(new Url(URI.create(interview.meetingUrl())));
        }
        Person organizer = people.get(interview.organizerId());
        event.add(new Organizer(
                new ParameterList(List.of(new Cn(nameOf(interview.organizerId(), organizer)))),
                URI.create("mailto:" + (organizer == null ? fromAddress : organizer.email()))));
        for (Invitee attendee : attendees(interview, request, people)) {
            var parameters = new ArrayList<net.fortuna.ical4j.model.Parameter>(List.of(new Cn(attendee.name())));
            parameters.add(Role.REQ_PARTICIPANT);
            if (!cancel) {
                parameters.add(PartStat.NEEDS_ACTION);
                parameters.add(Rsvp.TRUE);
            }
            event.add(new Attendee(new ParameterList(parameters), URI.create("mailto:" + attendee.address())));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }

    /** Name and address of each attendee: only who left, for a panel removal; else everyone with an address. */
    private static List<Invitee> attendees(
            Interview interview, NotificationRequest request, Map<String, Person> people) {
        List<Invitee> attendees = new ArrayList<>();
        if (request.kind() == NotificationKind.PANEL_REMOVAL) {
            Person removed = people.get(request.recipientId());
            if (removed != null) {
                attendees.add(new Invitee(nameOf(request.recipientId(), removed), removed.email()));
            }
            return attendees;
        }
        var candidate = interview.candidate();
        attendees.add(new Invitee(candidate.name(), candidate.email()));
        for (String interviewer : interview.interviewerIds()) {
            Person person = people.get(interviewer);
            if (person != null) {
                attendees.add(new Invitee(nameOf(interviewer, person), person.email()));
            }
        }
        return attendees;
    }

    private static String nameOf(String userId, Person person) {
        return person == null || person.name() == null ? userId : person.name();
    }

    private record Invitee(String name, String address) {}
}
