package io.onramp.reminder.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reminder rules of DESIGN.md §7. When an interview's times are set (scheduled, rescheduled) one reminder of each
 * kind is armed at that version: due ahead, it waits; due already but inside its window, it fires at once; window
 * closed, it is skipped, never sent late. A reschedule cancels the armed reminders of the old times; a start or a final
 * status cancels every armed one. Confirmations, panel changes and feedback re-arm nothing (a panel change changes who
 * is reminded, not when). A change no newer than one already seen changes nothing, so redelivered and reordered events
 * are harmless.
 */
public final class ReminderRules {

    private final ReminderSettings settings;

    public ReminderRules(ReminderSettings settings) {
        this.settings = settings;
    }

    public ReminderPlan onChange(
            String tenantId,
            String scheduleId,
            Optional<ScheduleReminders> current,
            ScheduleChange change,
            Instant now) {
        if (current.isPresent() && change.version() <= current.get().lastVersion()) {
            return ReminderPlan.NONE;
        }
        List<Reminder> before = current.map(ScheduleReminders::reminders).orElse(List.of());
        if (change.status().endsReminders()) {
            List<Reminder> cancelled = cancelArmed(before);
            return plan(tenantId, scheduleId, change, true, replace(before, cancelled), cancelled);
        }
        if (change.type().setsTimes() || current.isEmpty()) {
            List<Reminder> changes = new ArrayList<>(cancelArmed(before));
            List<Reminder> armed = arm(
                    timesVersion(change, current.isEmpty()), change.interview().start(), now);
            changes.addAll(armed);
            return plan(tenantId, scheduleId, change, false, armed, changes);
        }
        return plan(tenantId, scheduleId, change, current.get().closed(), before, List.of());
    }

    /** A timer of the reminder fell due: it fires if its window is still open, else it is skipped. */
    public ReminderPlan onDue(ScheduleReminders current, ReminderKind kind, long version, Instant now) {
        Optional<Reminder> armed = current.reminders().stream()
                .filter(reminder -> reminder.kind() == kind && reminder.version() == version && reminder.armed())
                .findFirst();
        if (armed.isEmpty()) {
            return ReminderPlan.NONE;
        }
        Reminder due = now.isBefore(armed.get().windowEnd())
                ? armed.get().with(ReminderStatus.FIRED, now)
                : armed.get().with(ReminderStatus.SKIPPED, null);
        var next = new ScheduleReminders(
                current.tenantId(),
                current.scheduleId(),
                current.lastVersion(),
                current.closed(),
                current.interview(),
                replace(current.reminders(), List.of(due)));
        return new ReminderPlan(Optional.of(next), List.of(due));
    }

    private List<Reminder> arm(long version, Instant start, Instant now) {
        List<Reminder> armed = new ArrayList<>();
        for (ReminderKind kind : ReminderKind.values()) {
            ReminderWindow window = settings.of(kind);
            Instant due = window.dueAt(start);
            Instant closes = window.closesAt(start);
            ReminderStatus status;
            if (now.isBefore(due)) {
                status = ReminderStatus.ARMED;
            } else if (now.isBefore(closes)) {
                status = ReminderStatus.FIRED;
            } else {
                status = ReminderStatus.SKIPPED;
            }
            armed.add(new Reminder(
                    kind,
                    version,
                    status,
                    due,
                    window.opensAt(start),
                    closes,
                    status == ReminderStatus.FIRED ? now : null));
        }
        return armed;
    }

    /**
     * The version the interview's times were set at. A change that sets them carries it; for an interview first seen
     * through another change (its earlier events expired from the topic), an interview never rescheduled had its
     * times set when it was scheduled (version 1), and otherwise the change's version is the best knowledge there is.
     */
    private static long timesVersion(ScheduleChange change, boolean firstSeen) {
        if (change.type().setsTimes() || !firstSeen || change.rescheduleCount() > 0) {
            return change.version();
        }
        return 1;
    }

    private static List<Reminder> cancelArmed(List<Reminder> reminders) {
        return reminders.stream()
                .filter(Reminder::armed)
                .map(reminder -> reminder.with(ReminderStatus.CANCELLED, null))
                .toList();
    }

    private static List<Reminder> replace(List<Reminder> reminders, List<Reminder> changed) {
        return reminders.stream()
                .map(reminder -> changed.stream()
                        .filter(c -> c.kind() == reminder.kind() && c.version() == reminder.version())
                        .findFirst()
                        .orElse(reminder))
                .toList();
    }

    private static ReminderPlan plan(
            String tenantId,
            String scheduleId,
            ScheduleChange change,
            boolean closed,
            List<Reminder> reminders,
            List<Reminder> changes) {
        var next = new ScheduleReminders(tenantId, scheduleId, change.version(), closed, change.interview(), reminders);
        return new ReminderPlan(Optional.of(next), changes);
    }
}
