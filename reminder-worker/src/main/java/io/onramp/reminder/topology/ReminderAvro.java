package io.onramp.reminder.topology;

import io.onramp.reminder.domain.Interview;
import io.onramp.reminder.domain.Reminder;
import io.onramp.reminder.domain.ReminderKind;
import io.onramp.reminder.domain.ReminderStatus;
import io.onramp.reminder.domain.ScheduleChange;
import io.onramp.reminder.domain.ScheduleReminders;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderInterview;
import io.onramp.schemas.ReminderState;
import io.onramp.schemas.ScheduleCandidate;
import io.onramp.schemas.ScheduleEvent;
import java.time.Instant;

/** Maps between the reminder domain and its Avro contracts. */
final class ReminderAvro {

    private ReminderAvro() {}

    static ScheduleChange change(ScheduleEvent event) {
        return new ScheduleChange(
                ScheduleChange.Type.valueOf(event.getType().name()),
                ScheduleChange.InterviewStatus.valueOf(event.getStatus().name()),
                event.getVersion(),
                event.getRescheduleCount(),
                new Interview(
                        event.getTitle(),
                        event.getInterviewType(),
                        event.getScheduledStart(),
                        event.getScheduledEnd(),
                        event.getTimezone(),
                        event.getMeetingUrl(),
                        event.getLocation(),
                        candidate(event.getCandidate()),
                        event.getOrganizerId(),
                        event.getInterviewerIds()));
    }

    static ScheduleReminders state(io.onramp.schemas.ScheduleReminders avro) {
        return new ScheduleReminders(
                avro.getTenantId(),
                avro.getScheduleId(),
                avro.getLastVersion(),
                avro.getClosed(),
                interview(avro.getInterview()),
                avro.getReminders().stream().map(ReminderAvro::reminder).toList());
    }

    static io.onramp.schemas.ScheduleReminders avro(ScheduleReminders state) {
        return io.onramp.schemas.ScheduleReminders.newBuilder()
                .setTenantId(state.tenantId())
                .setScheduleId(state.scheduleId())
                .setLastVersion(state.lastVersion())
                .setClosed(state.closed())
                .setInterview(avro(state.interview()))
                .setReminders(state.reminders().stream().map(ReminderAvro::avro).toList())
                .build();
    }

    static ReminderEvent event(ScheduleReminders state, Reminder reminder, Instant now) {
        return ReminderEvent.newBuilder()
                .setReminderId(reminder.id(state.scheduleId()))
                .setTenantId(state.tenantId())
                .setScheduleId(state.scheduleId())
                .setKind(kind(reminder.kind()))
                .setVersion(reminder.version())
                .setStatus(io.onramp.schemas.ReminderStatus.valueOf(
                        reminder.status().name()))
                .setDueAt(reminder.dueAt())
                .setWindowStart(reminder.windowStart())
                .setWindowEnd(reminder.windowEnd())
                .setFiredAt(reminder.firedAt())
                .setInterview(avro(state.interview()))
                .setOccurredAt(now)
                .build();
    }

    static io.onramp.schemas.ReminderKind kind(ReminderKind kind) {
        return io.onramp.schemas.ReminderKind.valueOf(kind.name());
    }

    static ReminderKind kind(io.onramp.schemas.ReminderKind kind) {
        return ReminderKind.valueOf(kind.name());
    }

    private static Reminder reminder(ReminderState avro) {
        return new Reminder(
                kind(avro.getKind()),
                avro.getVersion(),
                ReminderStatus.valueOf(avro.getStatus().name()),
                avro.getDueAt(),
                avro.getWindowStart(),
                avro.getWindowEnd(),
                avro.getFiredAt());
    }

    private static ReminderState avro(Reminder reminder) {
        return new ReminderState(
                kind(reminder.kind()),
                reminder.version(),
                io.onramp.schemas.ReminderStatus.valueOf(reminder.status().name()),
                reminder.dueAt(),
                reminder.windowStart(),
                reminder.windowEnd(),
                reminder.firedAt());
    }

    private static Interview interview(ReminderInterview avro) {
        return new Interview(
                avro.getTitle(),
                avro.getInterviewType(),
                avro.getScheduledStart(),
                avro.getScheduledEnd(),
                avro.getTimezone(),
                avro.getMeetingUrl(),
                avro.getLocation(),
                candidate(avro.getCandidate()),
                avro.getOrganizerId(),
                avro.getInterviewerIds());
    }

    private static ReminderInterview avro(Interview interview) {
        var candidate = interview.candidate();
        return new ReminderInterview(
                interview.title(),
                interview.interviewType(),
                interview.start(),
                interview.end(),
                interview.timezone(),
                interview.meetingUrl(),
                interview.location(),
                new ScheduleCandidate(candidate.id(), candidate.name(), candidate.email(), candidate.timezone()),
                interview.organizerId(),
                interview.interviewerIds());
    }

    private static Interview.Candidate candidate(ScheduleCandidate avro) {
        return new Interview.Candidate(avro.getId(), avro.getName(), avro.getEmail(), avro.getTimezone());
    }
}
