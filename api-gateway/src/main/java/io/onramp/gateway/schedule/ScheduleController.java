package io.onramp.gateway.schedule;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.IfMatch;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.ForbiddenException;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.people.PeopleReadModel;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.ChangePanel;
import io.onramp.schemas.CreateSchedule;
import io.onramp.schemas.RescheduleSchedule;
import io.onramp.schemas.ScheduleAction;
import io.onramp.schemas.ScheduleCommand;
import io.onramp.schemas.SubmitFeedback;
import io.onramp.schemas.Topics;
import io.onramp.schemas.TransitionSchedule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled interviews (seeds/003), decided in the workflow-worker. Every read and write answers with the interview's
 * {@code version} and {@code ETag}; every change of an existing interview needs {@code If-Match} with the version the
 * client read (428 without it), and a stale one is a 409. The worker validates and sanitises every field and names
 * each failure. Another tenant's interview is a 404; one the caller neither organises, sits on the panel of nor is the
 * candidate of, without {@code schedules:read_all}, a 403.
 */
@Tag(name = "Scheduled interviews", description = "Scheduling, panels, lifecycle, feedback, calendar and reminders")
@RestController
class ScheduleController {

    private static final Pattern STATUS =
            Pattern.compile("^(scheduled|confirmed|in_progress|completed|cancelled|no_show|rescheduled)$");

    private final CommandBus commands;
    private final Topics topics;
    private final ScheduleReadModel schedules;
    private final ReminderReadModel reminders;
    private final PeopleReadModel people;
    private final Clock clock = Clock.systemUTC();

    ScheduleController(
            CommandBus commands,
            Topics topics,
            ScheduleReadModel schedules,
            ReminderReadModel reminders,
            PeopleReadModel people) {
        this.commands = commands;
        this.topics = topics;
        this.schedules = schedules;
        this.reminders = reminders;
        this.people = people;
    }

    private static List<String> involved(Schedule interview) {
        var ids = new java.util.ArrayList<>(interview.interviewerIds());
        ids.add(interview.organizerId());
        return ids;
    }

    record CandidateRequest(String id, String name, String email, String timezone) {}

    record CreateRequest(
            String interviewType,
            String title,
            OffsetDateTime scheduledStart,
            OffsetDateTime scheduledEnd,
            String timezone,
            String meetingProvider,
            String meetingUrl,
            String location,
            String notes,
            @NotNull CandidateRequest candidate,
            List<String> interviewerIds,
            Boolean allowOverlap,
            String templateId) {}

    record RescheduleRequest(OffsetDateTime scheduledStart, OffsetDateTime scheduledEnd) {}

    record CancelRequest(String reason) {}

    record PanelRequest(Boolean allowOverlap) {}

    record FeedbackRequest(
            Integer overallRating,
            Integer technicalSkills,
            Integer communication,
            Integer culturalFit,
            Integer problemSolving,
            String recommendation,
            String strengths,
            String weaknesses,
            String notes,
            String privateNotes,
            Map<String, @NotNull Integer> customRatings) {}

    @Responds(
            value = 201,
            accepted = true,
            errors = {400, 404, 409})
    @PostMapping("/api/v1/schedules")
    ResponseEntity<ScheduleView> create(
            @AuthenticationPrincipal Caller caller, Prefer prefer, @Valid @RequestBody CreateRequest request) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_CREATE);
        String id = UUID.randomUUID().toString();
        var candidate = request.candidate();
        var create = CreateSchedule.newBuilder()
                .setInterviewType(request.interviewType())
                .setTitle(request.title())
                .setCandidateId(candidate.id())
                .setCandidateName(candidate.name())
                .setCandidateEmail(candidate.email())
                .setCandidateTimezone(candidate.timezone())
                .setInterviewerIds(
                        request.interviewerIds() == null
                                ? List.of()
                                : request.interviewerIds().stream()
                                        .map(value -> Objects.requireNonNullElse(value, ""))
                                        .toList())
                .setScheduledStart(instant(request.scheduledStart()))
                .setScheduledEnd(instant(request.scheduledEnd()))
                .setTimezone(request.timezone())
                .setMeetingProvider(request.meetingProvider())
                .setMeetingUrl(request.meetingUrl())
                .setLocation(request.location())
                .setNotes(request.notes())
                .setAllowOverlap(Boolean.TRUE.equals(request.allowOverlap()))
                .setTemplateId(request.templateId())
                .build();
        send(caller, id, null, create, prefer);
        ScheduleView created = view(find(caller, id));
        return withVersion(ResponseEntity.created(URI.create(ResourceLocations.of("schedule", id))), created)
                .body(created);
    }

    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/schedules/{scheduleId}")
    ResponseEntity<ScheduleView> get(@AuthenticationPrincipal Caller caller, @PathVariable String scheduleId) {
        ScheduleView interview = readable(caller, scheduleId);
        return withVersion(ResponseEntity.ok(), interview).body(interview);
    }

    /**
     * Interviews of the tenant ({@code schedules:read_all}) or those the caller organises, sits on the panel of or is
     * the candidate of ({@code schedules:read}, or {@code mine=true}), ordered by start.
     */
    @Responds(errors = 400)
    @GetMapping("/api/v1/schedules")
    List<ScheduleView> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "false") boolean upcoming,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String interviewer,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_READ, Permissions.SCHEDULES_READ_ALL);
        Paging.check(page, size);
        if (status != null && !STATUS.matcher(status).matches()) {
            throw new InvalidRequestException("status", "must be one of " + STATUS.pattern());
        }
        boolean all = caller.has(Permissions.SCHEDULES_READ_ALL) && !mine;
        Instant now = clock.instant();
        return schedules
                .list(
                        caller.tenantId(),
                        all ? null : caller.userId(),
                        interviewer,
                        status,
                        instant(from),
                        instant(to),
                        upcoming ? now : null,
                        page,
                        size)
                .stream()
                .map(row -> ScheduleView.of(row, now))
                .toList();
    }

    @Responds(errors = {400, 404})
    @GetMapping(value = "/api/v1/schedules/{scheduleId}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> calendar(@AuthenticationPrincipal Caller caller, @PathVariable String scheduleId) {
        Schedule interview = readable(caller, scheduleId).schedule();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"interview-" + interview.id() + ".ics\"")
                .eTag("\"" + interview.version() + "\"")
                .body(ScheduleCalendar.of(interview, people.addresses(caller.tenantId(), involved(interview))));
    }

    /**
     * Every reminder of the interview, of every version of its times: armed ones with their due time, and those that
     * fired, were skipped (their window had closed) or were cancelled. Whoever may read the interview may read them.
     */
    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/schedules/{scheduleId}/reminders")
    List<ReminderReadModel.ReminderView> reminders(
            @AuthenticationPrincipal Caller caller, @PathVariable String scheduleId) {
        Schedule interview = readable(caller, scheduleId).schedule();
        return reminders.of(caller.tenantId(), interview.id());
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409, 428})
    @PostMapping("/api/v1/schedules/{scheduleId}/{action:confirm|start|complete|no-show}")
    ResponseEntity<ScheduleView> transition(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            IfMatch ifMatch,
            @PathVariable String scheduleId,
            @PathVariable String action) {
        var scheduleAction = ScheduleAction.valueOf(action.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        return change(caller, scheduleId, ifMatch, new TransitionSchedule(scheduleAction, null), prefer);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409, 428})
    @PostMapping("/api/v1/schedules/{scheduleId}/cancel")
    ResponseEntity<ScheduleView> cancel(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            IfMatch ifMatch,
            @PathVariable String scheduleId,
            @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? null : request.reason();
        return change(caller, scheduleId, ifMatch, new TransitionSchedule(ScheduleAction.CANCEL, reason), prefer);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409, 428})
    @PostMapping("/api/v1/schedules/{scheduleId}/reschedule")
    ResponseEntity<ScheduleView> reschedule(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            IfMatch ifMatch,
            @PathVariable String scheduleId,
            @RequestBody RescheduleRequest request) {
        var reschedule = new RescheduleSchedule(instant(request.scheduledStart()), instant(request.scheduledEnd()));
        return change(caller, scheduleId, ifMatch, reschedule, prefer);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409, 428})
    @PutMapping("/api/v1/schedules/{scheduleId}/interviewers/{userId}")
    ResponseEntity<ScheduleView> addInterviewer(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            IfMatch ifMatch,
            @PathVariable String scheduleId,
            @PathVariable String userId,
            @RequestBody(required = false) PanelRequest request) {
        boolean allowOverlap = request != null && Boolean.TRUE.equals(request.allowOverlap());
        return change(caller, scheduleId, ifMatch, new ChangePanel(userId, true, allowOverlap), prefer);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409, 428})
    @DeleteMapping("/api/v1/schedules/{scheduleId}/interviewers/{userId}")
    ResponseEntity<ScheduleView> removeInterviewer(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            IfMatch ifMatch,
            @PathVariable String scheduleId,
            @PathVariable String userId) {
        return change(caller, scheduleId, ifMatch, new ChangePanel(userId, false, false), prefer);
    }

    /** A panel interviewer's feedback; the worker checks the panel, the status and that it is the first. */
    @Responds(
            value = 201,
            accepted = true,
            errors = {400, 404, 409})
    @PostMapping("/api/v1/schedules/{scheduleId}/feedback")
    ResponseEntity<FeedbackList> submitFeedback(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String scheduleId,
            @Valid @RequestBody FeedbackRequest request) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_FEEDBACK);
        String id = find(caller, scheduleId).id();
        var feedback = SubmitFeedback.newBuilder()
                .setOverallRating(request.overallRating())
                .setTechnicalSkills(request.technicalSkills())
                .setCommunication(request.communication())
                .setCulturalFit(request.culturalFit())
                .setProblemSolving(request.problemSolving())
                .setRecommendation(request.recommendation())
                .setStrengths(request.strengths())
                .setWeaknesses(request.weaknesses())
                .setNotes(request.notes())
                .setPrivateNotes(request.privateNotes())
                .setCustomRatings(request.customRatings() == null ? Map.of() : request.customRatings())
                .build();
        send(caller, id, null, feedback, prefer);
        return ResponseEntity.status(201).body(feedbackOf(caller, view(find(caller, id))));
    }

    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/schedules/{scheduleId}/feedback")
    FeedbackList feedback(@AuthenticationPrincipal Caller caller, @PathVariable String scheduleId) {
        return feedbackOf(caller, readable(caller, scheduleId));
    }

    /**
     * @param privateNotesVisible whether {@code private_notes} are shown (only with {@code schedules:read_all})
     */
    record FeedbackList(
            String scheduleId,
            boolean allFeedbackSubmitted,
            List<String> interviewersWithoutFeedback,
            boolean privateNotesVisible,
            List<ScheduleReadModel.FeedbackView> feedback) {}

    private FeedbackList feedbackOf(Caller caller, ScheduleView view) {
        boolean all = caller.has(Permissions.SCHEDULES_READ_ALL);
        Schedule interview = view.schedule();
        var feedback = schedules.feedback(caller.tenantId(), interview.id(), all);
        var given = feedback.stream()
                .map(ScheduleReadModel.FeedbackView::interviewerId)
                .toList();
        var missing = interview.interviewerIds().stream()
                .filter(id -> !given.contains(id))
                .toList();
        return new FeedbackList(interview.id(), view.allFeedbackSubmitted(), missing, all, feedback);
    }

    private ResponseEntity<ScheduleView> change(
            Caller caller, String scheduleId, IfMatch ifMatch, Object payload, Prefer prefer) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_UPDATE);
        long expected = ifMatch.version();
        // schedules:update acts on the interviews the caller may see: no change without the read.
        String id = requireInvolved(caller, find(caller, scheduleId), "change").id();
        send(caller, id, expected, payload, prefer);
        ScheduleView changed = view(find(caller, id));
        return withVersion(ResponseEntity.ok(), changed).body(changed);
    }

    private void send(Caller caller, String scheduleId, Long expectedVersion, Object payload, Prefer prefer) {
        commands.send(
                caller,
                topics.scheduleCommands,
                caller.tenantId(),
                metadata -> new ScheduleCommand(metadata, scheduleId, expectedVersion, payload),
                prefer);
    }

    private ScheduleView readable(Caller caller, String scheduleId) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_READ, Permissions.SCHEDULES_READ_ALL);
        return view(requireInvolved(caller, find(caller, scheduleId), "read"));
    }

    /** Its organizer, interviewers and candidate, or a holder of {@code schedules:read_all}; otherwise a 403. */
    private static Schedule requireInvolved(Caller caller, Schedule interview, String action) {
        if (!caller.has(Permissions.SCHEDULES_READ_ALL) && !interview.involves(caller.userId())) {
            throw new ForbiddenException(
                    "id",
                    "Only its organizer, interviewers and candidate, or schedules:read_all, may " + action + " it");
        }
        return interview;
    }

    private Schedule find(Caller caller, String scheduleId) {
        return schedules
                .find(caller.tenantId(), scheduleId)
                .orElseThrow(() -> new NotFoundException("Scheduled interview", scheduleId));
    }

    private ScheduleView view(Schedule row) {
        return ScheduleView.of(row, clock.instant());
    }

    private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder builder, ScheduleView view) {
        return builder.eTag("\"" + view.schedule().version() + "\"");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
