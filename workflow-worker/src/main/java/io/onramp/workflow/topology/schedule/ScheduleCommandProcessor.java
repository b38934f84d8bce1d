package io.onramp.workflow.topology.schedule;

import io.onramp.domain.Decision;
import io.onramp.platform.CommandReplies;
import io.onramp.platform.MappedStore;
import io.onramp.schemas.ChangePanel;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CreateSchedule;
import io.onramp.schemas.DefineScheduleTemplate;
import io.onramp.schemas.InterviewerBooking;
import io.onramp.schemas.InterviewerBookings;
import io.onramp.schemas.Keys;
import io.onramp.schemas.RescheduleSchedule;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleCommand;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.SubmitFeedback;
import io.onramp.schemas.TransitionSchedule;
import io.onramp.workflow.domain.schedule.Booking;
import io.onramp.workflow.domain.schedule.Bookings;
import io.onramp.workflow.domain.schedule.FeedbackRules;
import io.onramp.workflow.domain.schedule.ScheduleChange;
import io.onramp.workflow.domain.schedule.ScheduleDraft;
import io.onramp.workflow.domain.schedule.ScheduleRules;
import io.onramp.workflow.domain.schedule.ScheduleTemplate;
import io.onramp.workflow.domain.schedule.ScheduleTemplates;
import io.onramp.workflow.domain.schedule.ScheduledInterview;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides schedule commands. They are keyed by tenant, so one task decides every command of a tenant, one at a time:
 * an interviewer's bookings (kept per tenant and interviewer beside the schedules) are checked and updated in the same
 * step as the schedule, whichever instance runs the task, and two overlapping bookings cannot both be accepted.
 */
final class ScheduleCommandProcessor implements FixedKeyProcessor<String, ScheduleCommand, ScheduleOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, ScheduleOutcome> context;
    private KeyValueStore<String, Schedule> schedules;
    private KeyValueStore<String, InterviewerBookings> bookings;
    private MappedStore<ScheduleTemplate> templates;

    ScheduleCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ScheduleOutcome> context) {
        this.context = context;
        this.schedules = context.getStateStore(ScheduleTopology.SCHEDULES_STORE);
        this.bookings = context.getStateStore(ScheduleTopology.BOOKINGS_STORE);
        this.templates = MappedStore.of(
                context.getStateStore(ScheduleTopology.TEMPLATES_STORE), ScheduleAvro::template, ScheduleAvro::avro);
    }

    @Override
    public void process(FixedKeyRecord<String, ScheduleCommand> record) {
        ScheduleCommand command = record.value();
        CommandMetadata metadata = command.getMetadata();
        String tenant = metadata.getTenantId();
        String scheduleKey = Keys.of(tenant, command.getScheduleId());
        Instant now = clock.instant();
        Optional<ScheduledInterview> existing =
                Optional.ofNullable(schedules.get(scheduleKey)).map(ScheduleAvro::interview);
        Bookings booked = interviewer -> bookingsOf(tenant, interviewer);
        Long expected = command.getExpectedVersion();
        Object payload = command.getPayload();
        if (payload instanceof DefineScheduleTemplate template) {
            context.forward(record.withValue(defineTemplate(metadata, template, now)));
            return;
        }

        Decision<ScheduleChange> decision;
        CommandOutcome success = CommandOutcome.ACCEPTED;
        if (payload instanceof CreateSchedule create) {
            decision = create(tenant, command.getScheduleId(), metadata.getUserId(), create, existing, booked, now);
            success = CommandOutcome.CREATED;
        } else if (payload instanceof TransitionSchedule transition) {
            decision = ScheduleRules.transition(
                    existing,
                    expected,
                    ScheduleRules.Action.valueOf(transition.getAction().name()),
                    transition.getReason(),
                    metadata.getUserId(),
                    now);
        } else if (payload instanceof RescheduleSchedule reschedule) {
            decision = ScheduleRules.reschedule(
                    existing, expected, reschedule.getScheduledStart(), reschedule.getScheduledEnd(), booked, now);
        } else if (payload instanceof ChangePanel panel) {
            decision = ScheduleRules.changePanel(
                    existing, expected, panel.getUserId(), panel.getAdd(), panel.getAllowOverlap(), booked, now);
        } else {
            decision = FeedbackRules.submitFeedback(
                    existing, metadata.getUserId(), ScheduleAvro.draft((SubmitFeedback) payload), now);
        }

        ScheduleOutcome outcome;
        if (decision instanceof Decision.Accepted<ScheduleChange> accepted) {
            ScheduledInterview after = accepted.result().interview();
            Schedule stored = ScheduleAvro.avro(after);
            schedules.put(scheduleKey, stored);
            rebook(existing, after);
            outcome = new ScheduleOutcome(
                    CommandReplies.accepted(
                            metadata, ScheduleAvro.RESOURCE, after.id(), success, after.version(), null),
                    stored,
                    ScheduleAvro.event(accepted.result(), metadata.getUserId(), now));
        } else {
            outcome = new ScheduleOutcome(
                    CommandReplies.rejected(
                            metadata, ScheduleAvro.RESOURCE, command.getScheduleId(), (Decision.Rejected<?>) decision),
                    null,
                    null);
        }
        context.forward(record.withValue(outcome));
    }

    /** A request naming a template gets what the template fills in; one naming an unknown template is a 404. */
    private Decision<ScheduleChange> create(
            String tenant,
            String scheduleId,
            String organizer,
            CreateSchedule create,
            Optional<ScheduledInterview> existing,
            Bookings booked,
            Instant now) {
        ScheduleDraft draft = ScheduleAvro.draft(create);
        if (create.getTemplateId() != null) {
            var template = templates.get(Keys.of(tenant, create.getTemplateId()));
            if (template.isEmpty()) {
                return Decision.rejected(
                        Decision.Reason.NOT_FOUND,
                        "Schedule template not found",
                        "template_id",
                        "No template '" + create.getTemplateId() + "'");
            }
            draft = ScheduleTemplates.withTemplate(draft, template.get());
        }
        return ScheduleRules.create(tenant, scheduleId, organizer, draft, existing, booked, now);
    }

    private ScheduleOutcome defineTemplate(CommandMetadata metadata, DefineScheduleTemplate command, Instant now) {
        String key = Keys.of(metadata.getTenantId(), command.getTemplateId());
        var existing = templates.get(key);
        var decision = ScheduleTemplates.defineTemplate(
                metadata.getTenantId(),
                command.getTemplateId(),
                command.getInterviewType(),
                command.getDurationMinutes(),
                command.getTitle(),
                existing,
                now);
        if (decision instanceof Decision.Accepted<ScheduleTemplate> accepted) {
            var stored = templates.put(key, accepted.result());
            var outcome = existing.isEmpty() ? CommandOutcome.CREATED : CommandOutcome.ACCEPTED;
            return new ScheduleOutcome(
                    CommandReplies.accepted(
                            metadata,
                            ScheduleAvro.TEMPLATE_RESOURCE,
                            command.getTemplateId(),
                            outcome,
                            accepted.result().version(),
                            null),
                    stored,
                    null);
        }
        return new ScheduleOutcome(
                CommandReplies.rejected(
                        metadata, ScheduleAvro.TEMPLATE_RESOURCE, command.getTemplateId(), (Decision.Rejected<?>)
                                decision),
                null,
                null);
    }

    /** Takes the interview off its former panel's calendars and, unless it is final, onto its panel's. */
    private void rebook(Optional<ScheduledInterview> before, ScheduledInterview after) {
        before.ifPresent(
                interview -> interview.interviewerIds().forEach(id -> unbook(after.tenantId(), id, after.id())));
        if (!after.status().isFinal()) {
            for (String interviewer : after.interviewerIds()) {
                String key = Keys.of(after.tenantId(), interviewer);
                List<InterviewerBooking> list = new ArrayList<>(current(key));
                list.add(new InterviewerBooking(after.id(), after.scheduledStart(), after.scheduledEnd()));
                bookings.put(key, new InterviewerBookings(list));
            }
        }
    }

    private void unbook(String tenant, String interviewer, String scheduleId) {
        String key = Keys.of(tenant, interviewer);
        List<InterviewerBooking> list = new ArrayList<>(current(key));
        if (list.removeIf(booking -> booking.getScheduleId().equals(scheduleId))) {
            if (list.isEmpty()) {
                bookings.delete(key);
            } else {
                bookings.put(key, new InterviewerBookings(list));
            }
        }
    }

    private List<InterviewerBooking> current(String key) {
        InterviewerBookings stored = bookings.get(key);
        return stored == null ? List.of() : stored.getBookings();
    }

    private List<Booking> bookingsOf(String tenant, String interviewer) {
        return current(Keys.of(tenant, interviewer)).stream()
                .map(booking -> new Booking(booking.getScheduleId(), booking.getStart(), booking.getEnd()))
                .toList();
    }
}
