package io.onramp.notification.adapters.mail;

import io.onramp.domain.people.Person;
import io.onramp.notification.domain.Addressee;
import io.onramp.notification.domain.Addressing;
import io.onramp.notification.domain.Interview;
import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.NotificationRequest;
import io.onramp.notification.domain.Rendered;
import io.onramp.notification.domain.SourceEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification from its kind's two template files ({@code templates/mail/<kind>.html} and {@code .txt}) with
 * Thymeleaf: the HTML escapes every value, the text is the plain alternative. Times are shown in the recipient's zone,
 * which is named; the subject says what and when. Kinds that change a calendar carry an {@link InterviewInvite}.
 */
public final class MailRenderer {

    private static final String PREFIX = "templates/mail/";

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final InterviewInvite invites;

    public MailRenderer(InterviewInvite invites) {
        this.invites = invites;
    }

    /**
     * @param people the directory's entries of the interview's people, for the invite (those without one are left out)
     */
    public Rendered render(NotificationRequest request, Addressee to, Map<String, Person> people) {
        var context = new Context(to.locale());
        context.setVariable("name", to.name());
        context.setVariable("lang", to.locale().toLanguageTag());
        var interview = Addressing.interviewOf(request.source());
        interview.ifPresent(i -> describe(i, to, context));
        if (request.source() instanceof SourceEvent.ReminderFired reminder) {
            context.setVariable("startsIn", startsIn(reminder.label()));
        }
        if (request.source() instanceof SourceEvent.TaskNeedsInformation task) {
            context.setVariable("task", humanise(task.taskKey()));
            context.setVariable("note", task.note());
        }
        String subject = subject(request, to);
        context.setVariable("subject", subject);
        String template = request.kind().label();
        String calendar = request.kind().invite() == NotificationKind.Invite.NONE
                ? null
                : invites.of(interview.orElseThrow(), request, people);
        return new Rendered(
                subject, text.process(template, context).strip() + "\n", html.process(template, context), calendar);
    }

    private static void describe(Interview interview, Addressee to, Context context) {
        context.setVariable("title", interview.title());
        context.setVariable("type", humanise(interview.interviewType()));
        context.setVariable("when", when(interview.start(), interview.end(), to.zone(), to.locale()));
        context.setVariable("zone", to.zone().getId());
        context.setVariable("location", interview.location());
        context.setVariable("meetingUrl", interview.meetingUrl());
        context.setVariable("reason", interview.cancellationReason());
        context.setVariable("candidate", interview.candidate().name());
    }

    static String subject(NotificationRequest request, Addressee to) {
        var interview = Addressing.interviewOf(request.source());
        String title = interview.map(Interview::title).orElse("");
        String at =
                interview.map(i -> shortWhen(i.start(), to.zone(), to.locale())).orElse("");
        return switch (request.kind()) {
            case INTERVIEW_SCHEDULED -> "Interview scheduled: " + title + ", " + at;
            case INTERVIEW_RESCHEDULED -> "Interview moved: " + title + ", now " + at;
            case INTERVIEW_CANCELLED -> "Interview cancelled: " + title + ", " + at;
            case INTERVIEW_REMINDER ->
                "Reminder: " + title + " starts in " + startsIn(((SourceEvent.ReminderFired) request.source()).label())
                        + ", " + at;
            case FEEDBACK_REQUEST -> "Feedback requested: " + title + ", " + at;
            case PANEL_INVITATION -> "You are on the panel: " + title + ", " + at;
            case PANEL_REMOVAL -> "You are no longer on the panel: " + title + ", " + at;
            case MORE_INFORMATION_NEEDED ->
                "More information needed: " + humanise(((SourceEvent.TaskNeedsInformation) request.source()).taskKey());
        };
    }

    /** "Tuesday 1 December 2026, 10:00–11:00 EST": the zone's abbreviation is the one in force on that day. */
    static String when(Instant start, Instant end, ZoneId zone, Locale locale) {
        var day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale);
        var until = DateTimeFormatter.ofPattern("HH:mm", locale);
        return day.format(start.atZone(zone)) + "–" + until.format(end.atZone(zone)) + " "
                + ZoneAbbreviations.at(end, zone, locale);
    }

    /** "Tue 1 Dec 2026 10:00 EST". */
    static String shortWhen(Instant start, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale).format(start.atZone(zone)) + " "
                + ZoneAbbreviations.at(start, zone, locale);
    }

    private static String startsIn(String label) {
        return switch (label) {
            case "1day" -> "1 day";
            case "1hour" -> "1 hour";
            case "15min" -> "15 minutes";
            default -> label;
        };
    }

    /** {@code culture_fit} → "Culture fit". */
    private static String humanise(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
