package io.onramp.notification.adapters.mail;

import static io.onramp.notification.domain.Examples.NOW;
import static io.onramp.notification.domain.Examples.changed;
import static io.onramp.notification.domain.Examples.interview;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.people.Person;
import io.onramp.notification.domain.Addressee;
import io.onramp.notification.domain.Addressing;
import io.onramp.notification.domain.Candidate;
import io.onramp.notification.domain.Examples;
import io.onramp.notification.domain.Interview;
import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.NotificationRequest;
import io.onramp.notification.domain.NotificationRules;
import io.onramp.notification.domain.Rendered;
import io.onramp.notification.domain.SourceEvent;
import io.onramp.notification.domain.SourceEvent.InterviewChanged.Change;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MailRendererTest {

    private static final Map<String, Person> PEOPLE = Map.of(
            "u-1", new Person("acme", "u-1", "org@example.com", "Olga", null, null),
            "u-7", new Person("acme", "u-7", "ada@example.com", "Ada", null, null),
            "u-9", new Person("acme", "u-9", "grace@example.com", null, null, null));

    private final MailRenderer renderer = new MailRenderer(new InterviewInvite("notifications@onramp.local"));

    @Test
    void everyKindRendersWithASubjectBothBodiesAndAnInviteOnlyWhereItBelongs() {
        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        for (SourceEvent event : everySource()) {
            for (NotificationRequest request : NotificationRules.requestsFor(event)) {
                Rendered mail = render(request, Optional.empty());
                seen.add(request.kind());
                assertThat(mail.subject())
                        .as(request.kind().label())
                        .isNotBlank()
                        .doesNotContain("${", "[(");
                assertThat(mail.text()).startsWith("Hello ").doesNotContain("${", "[(", "[#");
                assertThat(mail.html()).contains("<html", "Hello").doesNotContain("th:", "${");
                assertThat(mail.calendar() != null)
                        .as("invite with " + request.kind())
                        .isEqualTo(request.kind().invite() != NotificationKind.Invite.NONE);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(NotificationKind.values());
    }

    @Test
    void timesAreInTheRecipientsZoneNamedWithTheAbbreviationOfThatDay() {
        // Europe/Berlin moves to summer time at 01:00 UTC on 29 March 2026.
        Instant beforeChange = Instant.parse("2026-03-28T09:00:00Z");
        Instant afterChange = Instant.parse("2026-03-29T09:00:00Z");
        var berliner = Optional.of(new Person("acme", "u-7", "ada@example.com", "Ada", "Europe/Berlin", "en-GB"));

        Rendered winter = render(scheduled(beforeChange, "u-7"), berliner);
        assertThat(winter.subject()).isEqualTo("Interview scheduled: Technical interview, Sat 28 Mar 2026 10:00 CET");
        assertThat(winter.text()).contains("Saturday 28 March 2026, 10:00–11:00 CET (Europe/Berlin)");

        Rendered summer = render(scheduled(afterChange, "u-7"), berliner);
        assertThat(summer.subject()).isEqualTo("Interview scheduled: Technical interview, Sun 29 Mar 2026 11:00 CEST");
        assertThat(summer.text()).contains("Sunday 29 March 2026, 11:00–12:00 CEST (Europe/Berlin)");
    }

    @Test
    void theCandidateReadsTimesInTheirOwnZone() {
        var request = NotificationRules.requestsFor(changed(Change.SCHEDULED, interview("u-7")))
                .get(0);
        Rendered mail = render(request, Optional.empty());
        assertThat(mail.text()).contains("Friday 4 December 2026, 00:00–01:00 JST (Asia/Tokyo)");
    }

    @Test
    void namesInAnyScriptArriveIntactAndMarkupIsEscaped() {
        var candidate = new Candidate("c-1", "山田 太郎", "taro@example.com", "Asia/Tokyo");
        var hostile = new Interview(
                "s-1",
                "<script>alert(1)</script> & co",
                "technical",
                Examples.START,
                Examples.START.plusSeconds(3600),
                "America/Toronto",
                "https://zoom.us/j/1",
                "Room <b>4</b>",
                candidate,
                "u-1",
                List.of("u-7"),
                1,
                null);
        var request = NotificationRules.requestsFor(changed(Change.SCHEDULED, hostile))
                .get(0);
        Rendered mail = render(request, Optional.empty());
        assertThat(mail.text()).startsWith("Hello 山田 太郎,");
        assertThat(mail.html())
                .contains("山田 太郎")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script>", "<b>4</b>");
    }

    @Test
    void theInviteIsAParsableRequestWithAStableUidAndASequenceThatRisesWithEveryChange() throws Exception {
        VEvent first =
                event(render(scheduled(Examples.START, "u-7"), Optional.empty()).calendar(), "REQUEST");
        var moved = NotificationRules.requestsFor(
                        changed(Change.RESCHEDULED, interview(Examples.START.plusSeconds(86_400), 3, "u-7")))
                .get(0);
        VEvent second = event(render(moved, Optional.empty()).calendar(), "REQUEST");
        assertThat(first.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("s-1@onramp");
        assertThat(second.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("s-1@onramp");
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(second.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("2");
        assertThat(first.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:casey@example.com", "mailto:ada@example.com");
        assertThat(first.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:org@example.com");
        assertThat(first.<Property>getProperties(Property.ATTENDEE))
                .extracting(
                        attendee -> attendee.getParameter("CN").orElseThrow().getValue())
                .as("names from the directory, else the user id")
                .containsExactly("Casey", "Ada");
    }

    @Test
    void aCancellationAndARemovalFromThePanelAreCancels() throws Exception {
        Interview cancelled = new Interview(
                "s-1",
                "Technical interview",
                "technical",
                Examples.START,
                Examples.START.plusSeconds(3600),
                "America/Toronto",
                null,
                null,
                Examples.candidate(),
                "u-1",
                List.of("u-7"),
                4,
                "candidate withdrew");
        var cancel = NotificationRules.requestsFor(changed(Change.CANCELLED, cancelled))
                .get(0);
        Rendered mail = render(cancel, Optional.empty());
        assertThat(mail.text()).contains("Reason: candidate withdrew");
        assertThat(event(mail.calendar(), "CANCEL")
                        .getProperty(Property.STATUS)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("CANCELLED");

        var removal = NotificationRules.requestsFor(changed(
                        Change.PANEL_CHANGED,
                        interview(Examples.START, 5, "u-7"),
                        List.of(),
                        List.of(),
                        List.of("u-9")))
                .get(0);
        VEvent removed = event(render(removal, Optional.empty()).calendar(), "CANCEL");
        assertThat(removed.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:grace@example.com");
    }

    @Test
    void aGuestReadsTheReviewersNote() {
        var task = new SourceEvent.TaskNeedsInformation(
                "e", "acme", "g-1", "host_matching", "Please add <two> references", NOW);
        Rendered mail = render(NotificationRules.requestsFor(task).get(0), Optional.empty());
        assertThat(mail.subject()).isEqualTo("More information needed: Host matching");
        assertThat(mail.text()).contains("Note from the reviewer: Please add <two> references");
        assertThat(mail.html()).contains("Please add &lt;two&gt; references");
    }

    private Rendered render(NotificationRequest request, Optional<Person> person) {
        Addressee to = Addressing.resolve(request, person);
        return renderer.render(request, to, PEOPLE);
    }

    private static NotificationRequest scheduled(Instant start, String interviewer) {
        return NotificationRules.requestsFor(changed(Change.SCHEDULED, interview(start, 1, interviewer))).stream()
                .filter(r -> r.recipientId().equals(interviewer))
                .findFirst()
                .orElseThrow();
    }

    private static VEvent event(String ics, String method) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo(method);
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private static List<SourceEvent> everySource() {
        var panel = interview("u-7", "u-9");
        return List.of(
                changed(Change.SCHEDULED, panel),
                changed(Change.RESCHEDULED, panel),
                changed(Change.CANCELLED, panel),
                changed(Change.COMPLETED, panel, List.of("u-9"), List.of(), List.of()),
                changed(Change.PANEL_CHANGED, panel, List.of(), List.of("u-9"), List.of("u-11")),
                new SourceEvent.ReminderFired("acme/s-1:15min:1", "acme", "15min", panel, NOW),
                new SourceEvent.TaskNeedsInformation("acme/g-1/1/2", "acme", "g-1", "application", "More please", NOW));
    }
}
