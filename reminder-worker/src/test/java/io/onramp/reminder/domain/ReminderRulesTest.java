package io.onramp.reminder.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.onramp.reminder.domain.ScheduleChange.InterviewStatus;
import io.onramp.reminder.domain.ScheduleChange.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReminderRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant FAR_START = NOW.plus(Duration.ofDays(10));

    private final ReminderRules rules = new ReminderRules(ReminderSettings.DEFAULT);

    /** Where "now" stands against one kind's due time and window when the reminder is armed. */
    enum Moment {
        DUE_AHEAD(ReminderStatus.ARMED),
        DUE_PASSED_WINDOW_OPEN(ReminderStatus.FIRED),
        WINDOW_CLOSED(ReminderStatus.SKIPPED);

        final ReminderStatus expected;

        Moment(ReminderStatus expected) {
            this.expected = expected;
        }

        /** A start time that puts NOW at this moment of the kind's window. */
        Instant start(ReminderKind kind) {
            ReminderWindow window = ReminderSettings.DEFAULT.of(kind);
            return switch (this) {
                case DUE_AHEAD -> NOW.plus(window.dueBefore()).plusSeconds(1);
                case DUE_PASSED_WINDOW_OPEN -> NOW.plus(window.dueBefore()).minusSeconds(1);
                case WINDOW_CLOSED -> NOW.plus(window.closesBefore()).minusSeconds(1);
            };
        }
    }

    static Stream<Arguments> everyKindAtEveryMoment() {
        return Stream.of(ReminderKind.values())
                .flatMap(kind -> Stream.of(Moment.values()).map(moment -> Arguments.of(kind, moment)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindAtEveryMoment")
    void shouldArmFireAtOnceOrSkipEachKindByItsWindowWhenScheduled(ReminderKind kind, Moment moment) {
        Instant start = moment.start(kind);

        ReminderPlan plan = rules.onChange("t", "s-1", Optional.empty(), change(Type.SCHEDULED, 1, start), NOW);

        Reminder reminder = only(plan.changes(), kind);
        ReminderWindow window = ReminderSettings.DEFAULT.of(kind);
        assertThat(reminder.status()).isEqualTo(moment.expected);
        assertThat(reminder.version()).isEqualTo(1);
        assertThat(reminder.dueAt()).isEqualTo(start.minus(window.dueBefore()));
        assertThat(reminder.windowStart()).isEqualTo(start.minus(window.opensBefore()));
        assertThat(reminder.windowEnd()).isEqualTo(start.minus(window.closesBefore()));
        assertThat(reminder.firedAt()).isEqualTo(moment.expected == ReminderStatus.FIRED ? NOW : null);
        assertThat(reminder.id("s-1")).isEqualTo("s-1:" + kind.label() + ":1");
        assertThat(plan.state().orElseThrow().reminders()).contains(reminder);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindAtEveryMoment")
    void shouldArmEachKindByItsWindowWhenRescheduled(ReminderKind kind, Moment moment) {
        var scheduled = state(change(Type.SCHEDULED, 1, FAR_START));

        ReminderPlan plan = rules.onChange(
                "t", "s-1", Optional.of(scheduled), change(Type.RESCHEDULED, 4, moment.start(kind)), NOW);

        Reminder rearmed = plan.changes().stream()
                .filter(r -> r.kind() == kind && r.version() == 4)
                .findFirst()
                .orElseThrow();
        assertThat(rearmed.status()).isEqualTo(moment.expected);
    }

    @Test
    void shouldArmThreeRemindersAtTheScheduledVersion() {
        ReminderPlan plan = rules.onChange("t", "s-1", Optional.empty(), change(Type.SCHEDULED, 1, FAR_START), NOW);

        assertThat(plan.changes())
                .extracting(Reminder::kind, Reminder::status, Reminder::dueAt)
                .containsExactly(
                        tuple(ReminderKind.ONE_DAY, ReminderStatus.ARMED, FAR_START.minus(Duration.ofHours(24))),
                        tuple(ReminderKind.ONE_HOUR, ReminderStatus.ARMED, FAR_START.minus(Duration.ofHours(1))),
                        tuple(
                                ReminderKind.FIFTEEN_MINUTES,
                                ReminderStatus.ARMED,
                                FAR_START.minus(Duration.ofMinutes(15))));
        var state = plan.state().orElseThrow();
        assertThat(state.lastVersion()).isEqualTo(1);
        assertThat(state.closed()).isFalse();
    }

    /** What each type of change does to an interview whose three reminders are armed at version 1. */
    static Stream<Arguments> everyTypeOfChange() {
        return Stream.of(
                Arguments.of(Type.SCHEDULED, InterviewStatus.SCHEDULED, Effect.REARM),
                Arguments.of(Type.RESCHEDULED, InterviewStatus.RESCHEDULED, Effect.REARM),
                Arguments.of(Type.CONFIRMED, InterviewStatus.CONFIRMED, Effect.NONE),
                Arguments.of(Type.PANEL_CHANGED, InterviewStatus.SCHEDULED, Effect.NONE),
                Arguments.of(Type.PANEL_CHANGED, InterviewStatus.CONFIRMED, Effect.NONE),
                Arguments.of(Type.FEEDBACK_SUBMITTED, InterviewStatus.IN_PROGRESS, Effect.CANCEL),
                Arguments.of(Type.STARTED, InterviewStatus.IN_PROGRESS, Effect.CANCEL),
                Arguments.of(Type.COMPLETED, InterviewStatus.COMPLETED, Effect.CANCEL),
                Arguments.of(Type.CANCELLED, InterviewStatus.CANCELLED, Effect.CANCEL),
                Arguments.of(Type.NO_SHOW, InterviewStatus.NO_SHOW, Effect.CANCEL));
    }

    enum Effect {
        REARM,
        NONE,
        CANCEL
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("everyTypeOfChange")
    void shouldApplyAChangeNewerThanAnySeen(Type type, InterviewStatus status, Effect effect) {
        var armed = state(change(Type.SCHEDULED, 1, FAR_START));
        Instant newStart = FAR_START.plus(Duration.ofDays(1));

        ReminderPlan plan = rules.onChange(
                "t", "s-1", Optional.of(armed), new ScheduleChange(type, status, 3, 0, interview(newStart)), NOW);

        var state = plan.state().orElseThrow();
        assertThat(state.lastVersion()).isEqualTo(3);
        switch (effect) {
            case REARM -> {
                assertThat(plan.changes())
                        .extracting(Reminder::version, Reminder::status)
                        .containsExactly(
                                tuple(1L, ReminderStatus.CANCELLED),
                                tuple(1L, ReminderStatus.CANCELLED),
                                tuple(1L, ReminderStatus.CANCELLED),
                                tuple(3L, ReminderStatus.ARMED),
                                tuple(3L, ReminderStatus.ARMED),
                                tuple(3L, ReminderStatus.ARMED));
                assertThat(state.reminders()).allMatch(r -> r.version() == 3 && r.armed());
                assertThat(only(state.reminders(), ReminderKind.ONE_DAY).dueAt())
                        .isEqualTo(newStart.minus(Duration.ofDays(1)));
                assertThat(state.closed()).isFalse();
            }
            case NONE -> {
                assertThat(plan.changes()).isEmpty();
                assertThat(state.reminders()).isEqualTo(armed.reminders());
                assertThat(state.closed()).isFalse();
            }
            case CANCEL -> {
                assertThat(plan.changes())
                        .hasSize(3)
                        .allMatch(r -> r.status() == ReminderStatus.CANCELLED && r.version() == 1);
                assertThat(state.reminders()).noneMatch(Reminder::armed);
                assertThat(state.closed()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void shouldIgnoreAChangeNoNewerThanOneSeen(Type type) {
        var seen = state(change(Type.RESCHEDULED, 5, FAR_START));

        for (long version : List.of(5L, 4L, 1L)) {
            ReminderPlan plan = rules.onChange(
                    "t",
                    "s-1",
                    Optional.of(seen),
                    new ScheduleChange(type, InterviewStatus.CANCELLED, version, 0, interview(NOW)),
                    NOW);

            assertThat(plan).isEqualTo(ReminderPlan.NONE);
        }
    }

    @Test
    void shouldChangeWhoIsRemindedNotWhenOnAPanelChange() {
        var armed = state(change(Type.SCHEDULED, 1, FAR_START));
        var panel = new Interview(
                "Tech",
                "technical",
                FAR_START,
                FAR_START.plusSeconds(3600),
                "UTC",
                null,
                "Room 1",
                candidate(),
                "u-org",
                List.of("u-7", "u-new"));

        ReminderPlan plan = rules.onChange(
                "t",
                "s-1",
                Optional.of(armed),
                new ScheduleChange(Type.PANEL_CHANGED, InterviewStatus.CONFIRMED, 3, 0, panel),
                NOW);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.state().orElseThrow().interview().interviewerIds()).containsExactly("u-7", "u-new");
        assertThat(plan.state().orElseThrow().reminders()).isEqualTo(armed.reminders());
    }

    @Test
    void shouldArmAtVersionOneAnInterviewFirstSeenAfterItsSchedulingWhenNeverRescheduled() {
        ReminderPlan plan = rules.onChange(
                "t",
                "s-1",
                Optional.empty(),
                new ScheduleChange(Type.CONFIRMED, InterviewStatus.CONFIRMED, 2, 0, interview(FAR_START)),
                NOW);

        assertThat(plan.changes()).hasSize(3).allMatch(r -> r.version() == 1 && r.armed());
    }

    @Test
    void shouldArmAtTheChangesVersionAnInterviewFirstSeenAfterAReschedule() {
        ReminderPlan plan = rules.onChange(
                "t",
                "s-1",
                Optional.empty(),
                new ScheduleChange(Type.PANEL_CHANGED, InterviewStatus.RESCHEDULED, 6, 2, interview(FAR_START)),
                NOW);

        assertThat(plan.changes()).hasSize(3).allMatch(r -> r.version() == 6 && r.armed());
    }

    @Test
    void shouldArmNothingForAnInterviewFirstSeenFinal() {
        ReminderPlan plan = rules.onChange(
                "t",
                "s-1",
                Optional.empty(),
                new ScheduleChange(Type.CANCELLED, InterviewStatus.CANCELLED, 2, 0, interview(FAR_START)),
                NOW);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.state().orElseThrow().closed()).isTrue();
    }

    @Test
    void shouldArmAgainWhenAStartedInterviewIsRescheduled() {
        var started = rules.onChange(
                        "t",
                        "s-1",
                        Optional.of(state(change(Type.SCHEDULED, 1, FAR_START))),
                        new ScheduleChange(Type.STARTED, InterviewStatus.IN_PROGRESS, 2, 0, interview(FAR_START)),
                        NOW)
                .state()
                .orElseThrow();

        ReminderPlan plan =
                rules.onChange("t", "s-1", Optional.of(started), change(Type.RESCHEDULED, 3, FAR_START), NOW);

        assertThat(plan.changes()).hasSize(3).allMatch(r -> r.version() == 3 && r.armed());
        assertThat(plan.state().orElseThrow().closed()).isFalse();
    }

    @Test
    void shouldNotCancelAgainWhatAlreadyFiredOrWasSkipped() {
        Instant start = NOW.plus(Duration.ofMinutes(50)); // 1day skipped, 1hour window closed (55 min), 15min ahead
        var state = state(change(Type.SCHEDULED, 1, start));

        ReminderPlan plan = rules.onChange(
                "t",
                "s-1",
                Optional.of(state),
                new ScheduleChange(Type.CANCELLED, InterviewStatus.CANCELLED, 2, 0, interview(start)),
                NOW);

        assertThat(plan.changes()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.FIFTEEN_MINUTES);
            assertThat(r.status()).isEqualTo(ReminderStatus.CANCELLED);
        });
    }

    @ParameterizedTest
    @EnumSource(ReminderKind.class)
    void shouldFireADueReminderWhileItsWindowIsOpen(ReminderKind kind) {
        var state = state(change(Type.SCHEDULED, 1, FAR_START));
        Instant due = only(state.reminders(), kind).dueAt();

        ReminderPlan plan = rules.onDue(state, kind, 1, due.plusMillis(300));

        assertThat(plan.changes()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReminderStatus.FIRED);
            assertThat(r.firedAt()).isEqualTo(due.plusMillis(300));
        });
        assertThat(only(plan.state().orElseThrow().reminders(), kind).status()).isEqualTo(ReminderStatus.FIRED);
        assertThat(rules.onDue(plan.state().orElseThrow(), kind, 1, due.plusSeconds(1)))
                .as("fires once")
                .isEqualTo(ReminderPlan.NONE);
    }

    @ParameterizedTest
    @EnumSource(ReminderKind.class)
    void shouldSkipADueReminderWhoseWindowClosedWhileNothingRan(ReminderKind kind) {
        var state = state(change(Type.SCHEDULED, 1, FAR_START));
        Instant closes = only(state.reminders(), kind).windowEnd();

        ReminderPlan plan = rules.onDue(state, kind, 1, closes);

        assertThat(plan.changes()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReminderStatus.SKIPPED);
            assertThat(r.firedAt()).isNull();
        });
    }

    @Test
    void shouldIgnoreATimerOfAnotherVersionOrOfACancelledReminder() {
        var state = state(change(Type.SCHEDULED, 1, FAR_START));
        var cancelled = rules.onChange(
                        "t",
                        "s-1",
                        Optional.of(state),
                        new ScheduleChange(Type.CANCELLED, InterviewStatus.CANCELLED, 2, 0, interview(FAR_START)),
                        NOW)
                .state()
                .orElseThrow();

        assertThat(rules.onDue(state, ReminderKind.ONE_DAY, 2, FAR_START)).isEqualTo(ReminderPlan.NONE);
        assertThat(rules.onDue(cancelled, ReminderKind.ONE_DAY, 1, FAR_START.minus(Duration.ofHours(24))))
                .isEqualTo(ReminderPlan.NONE);
    }

    @Test
    void shouldUseConfiguredWindows() {
        var shortWindows = new ReminderSettings(Map.of(
                ReminderKind.ONE_DAY,
                        new ReminderWindow(Duration.ofSeconds(30), Duration.ofSeconds(40), Duration.ofSeconds(20)),
                ReminderKind.ONE_HOUR,
                        new ReminderWindow(Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(15)),
                ReminderKind.FIFTEEN_MINUTES,
                        new ReminderWindow(Duration.ofSeconds(10), Duration.ofSeconds(12), Duration.ofSeconds(5))));

        ReminderPlan plan = new ReminderRules(shortWindows)
                .onChange("t", "s-1", Optional.empty(), change(Type.SCHEDULED, 1, NOW.plusSeconds(25)), NOW);

        assertThat(plan.changes())
                .extracting(Reminder::status)
                .containsExactly(ReminderStatus.FIRED, ReminderStatus.ARMED, ReminderStatus.ARMED);
    }

    @Test
    void shouldRefuseAWindowThatDoesNotHoldItsDueTime() {
        assertThatThrownBy(
                        () -> new ReminderWindow(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderWindow(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderSettings(
                        Map.of(ReminderKind.ONE_DAY, ReminderSettings.DEFAULT.of(ReminderKind.ONE_DAY))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ScheduleReminders state(ScheduleChange change) {
        return rules.onChange("t", "s-1", Optional.empty(), change, NOW).state().orElseThrow();
    }

    private static ScheduleChange change(Type type, long version, Instant start) {
        InterviewStatus status = type == Type.RESCHEDULED ? InterviewStatus.RESCHEDULED : InterviewStatus.SCHEDULED;
        return new ScheduleChange(type, status, version, type == Type.RESCHEDULED ? 1 : 0, interview(start));
    }

    private static Interview interview(Instant start) {
        return new Interview(
                "Tech",
                "technical",
                start,
                start.plusSeconds(3600),
                "UTC",
                "https://zoom.us/j/1",
                null,
                candidate(),
                "u-org",
                List.of("u-7"));
    }

    private static Interview.Candidate candidate() {
        return new Interview.Candidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo");
    }

    private static Reminder only(List<Reminder> reminders, ReminderKind kind) {
        return reminders.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }
}
