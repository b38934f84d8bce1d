package io.onramp.workflow.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ScheduleRulesTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T16:00:00Z");
    private static final Bookings NONE = interviewer -> List.of();

    /** DESIGN.md §7, written out independently of the rules. */
    private static final Map<String, Set<ScheduleStatus>> LEGAL = Map.of(
            "confirm", EnumSet.of(ScheduleStatus.SCHEDULED, ScheduleStatus.RESCHEDULED),
            "start", EnumSet.of(ScheduleStatus.SCHEDULED, ScheduleStatus.CONFIRMED, ScheduleStatus.RESCHEDULED),
            "complete", EnumSet.of(ScheduleStatus.IN_PROGRESS),
            "cancel",
                    EnumSet.of(
                            ScheduleStatus.SCHEDULED,
                            ScheduleStatus.CONFIRMED,
                            ScheduleStatus.IN_PROGRESS,
                            ScheduleStatus.RESCHEDULED),
            "no-show", EnumSet.of(ScheduleStatus.CONFIRMED, ScheduleStatus.IN_PROGRESS),
            "reschedule",
                    EnumSet.of(
                            ScheduleStatus.SCHEDULED,
                            ScheduleStatus.CONFIRMED,
                            ScheduleStatus.IN_PROGRESS,
                            ScheduleStatus.RESCHEDULED),
            "panel",
                    EnumSet.of(
                            ScheduleStatus.SCHEDULED,
                            ScheduleStatus.CONFIRMED,
                            ScheduleStatus.IN_PROGRESS,
                            ScheduleStatus.RESCHEDULED),
            "feedback", EnumSet.of(ScheduleStatus.IN_PROGRESS, ScheduleStatus.COMPLETED));

    /** Every status × every command. */
    @TestFactory
    Stream<DynamicTest> everyCommandFromEveryStatus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ScheduleStatus status : ScheduleStatus.values()) {
            for (String command : LEGAL.keySet()) {
                tests.add(dynamicTest(status + " " + command, () -> checkCommand(status, command)));
            }
        }
        return tests.stream();
    }

    private static void checkCommand(ScheduleStatus status, String command) {
        ScheduledInterview before = interview(status);
        Decision<ScheduleChange> decision = apply(before, command);
        if (!LEGAL.get(command).contains(status)) {
            var rejected = (Decision.Rejected<ScheduleChange>) decision;
            assertThat(rejected.reason()).isEqualTo(Decision.Reason.CONFLICT);
            assertThat(rejected.message()).contains(status.wireName());
            return;
        }
        ScheduledInterview after =
                ((Decision.Accepted<ScheduleChange>) decision).result().interview();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        switch (command) {
            case "confirm" -> {
                assertThat(after.status()).isEqualTo(ScheduleStatus.CONFIRMED);
                assertThat(after.confirmedBy()).isEqualTo("u-actor");
                assertThat(after.confirmedAt()).isEqualTo(NOW);
            }
            case "start" -> {
                assertThat(after.status()).isEqualTo(ScheduleStatus.IN_PROGRESS);
                assertThat(after.actualStart()).isEqualTo(NOW);
            }
            case "complete" -> {
                assertThat(after.status()).isEqualTo(ScheduleStatus.COMPLETED);
                assertThat(after.actualEnd()).isEqualTo(NOW);
            }
            case "cancel" -> {
                assertThat(after.status()).isEqualTo(ScheduleStatus.CANCELLED);
                assertThat(after.cancellationReason()).isEqualTo("candidate withdrew");
                assertThat(after.cancelledAt()).isEqualTo(NOW);
            }
            case "no-show" -> assertThat(after.status()).isEqualTo(ScheduleStatus.NO_SHOW);
            case "reschedule" -> {
                assertThat(after.status()).isEqualTo(ScheduleStatus.RESCHEDULED);
                assertThat(after.scheduledStart()).isEqualTo(START.plusSeconds(86_400));
                assertThat(after.rescheduleCount()).isEqualTo(before.rescheduleCount() + 1);
            }
            case "panel" -> assertThat(after.interviewerIds()).containsExactly("u-7", "u-9", "u-11");
            default -> assertThat(after.feedbackFrom("u-7")).isPresent();
        }
    }

    private static Decision<ScheduleChange> apply(ScheduledInterview before, String command) {
        var existing = Optional.of(before);
        long version = before.version();
        return switch (command) {
            case "confirm" ->
                ScheduleRules.transition(existing, version, ScheduleRules.Action.CONFIRM, null, "u-actor", NOW);
            case "start" ->
                ScheduleRules.transition(existing, version, ScheduleRules.Action.START, null, "u-actor", NOW);
            case "complete" ->
                ScheduleRules.transition(existing, version, ScheduleRules.Action.COMPLETE, null, "u-actor", NOW);
            case "cancel" ->
                ScheduleRules.transition(
                        existing, version, ScheduleRules.Action.CANCEL, "candidate withdrew", "u-actor", NOW);
            case "no-show" ->
                ScheduleRules.transition(existing, version, ScheduleRules.Action.NO_SHOW, null, "u-actor", NOW);
            case "reschedule" ->
                ScheduleRules.reschedule(
                        existing, version, START.plusSeconds(86_400), END.plusSeconds(86_400), NONE, NOW);
            case "panel" -> ScheduleRules.changePanel(existing, version, "u-11", true, false, NONE, NOW);
            default -> FeedbackRules.submitFeedback(existing, "u-7", feedback(4, "yes"), NOW);
        };
    }

    @Test
    void shouldRefuseAStaleVersionNamingTheCurrentOne() {
        var decision = ScheduleRules.transition(
                Optional.of(interview(ScheduleStatus.SCHEDULED)), 2L, ScheduleRules.Action.CONFIRM, null, "u", NOW);

        var rejected = (Decision.Rejected<ScheduleChange>) decision;
        assertThat(rejected.reason()).isEqualTo(Decision.Reason.CONFLICT);
        assertThat(rejected.message()).contains("version 3");
        assertThat(reason(ScheduleRules.reschedule(
                        Optional.of(interview(ScheduleStatus.SCHEDULED)), 4L, START, END, NONE, NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownInterview() {
        assertThat(reason(ScheduleRules.transition(Optional.empty(), null, ScheduleRules.Action.START, null, "u", NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(FeedbackRules.submitFeedback(Optional.empty(), "u-7", feedback(4, "yes"), NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldScheduleAValidInterview() {
        var decision = ScheduleRules.create("acme", "s-1", "u-1", draft(), Optional.empty(), NONE, NOW);

        ScheduledInterview created =
                ((Decision.Accepted<ScheduleChange>) decision).result().interview();
        assertThat(created.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.organizerId()).isEqualTo("u-1");
        assertThat(created.interviewerIds()).containsExactly("u-7", "u-9");
        assertThat(created.candidate().timezone()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void shouldNameEveryInvalidField() {
        var bad = new ScheduleDraft(
                "lunch",
                " ",
                "",
                null,
                "not-an-email",
                "Mars/Olympus",
                List.of("u-7", "bad id"),
                END,
                START,
                "+05:00",
                "skype",
                "javascript:alert(1)",
                "x".repeat(501),
                null,
                false);

        var rejected = (Decision.Rejected<ScheduleChange>)
                ScheduleRules.create("acme", "s-1", "u-1", bad, Optional.empty(), NONE, NOW);

        assertThat(rejected.reason()).isEqualTo(Decision.Reason.INVALID);
        assertThat(rejected.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "interview_type",
                        "title",
                        "candidate.id",
                        "candidate.name",
                        "candidate.email",
                        "candidate.timezone",
                        "interviewer_ids[1]",
                        "scheduled_end",
                        "timezone",
                        "meeting_provider",
                        "meeting_url",
                        "location");
    }

    @Test
    void shouldStripMarkupFromEveryPlainTextFieldAndKeepASafeSubsetInNotes() {
        String xss = "<script>alert(1)</script><img src=x onerror=alert(2)>Casey <b>Lee</b>";
        var draft = new ScheduleDraft(
                "technical",
                xss + " screen",
                "c-1",
                xss,
                "casey@example.com",
                "Asia/Tokyo",
                List.of(),
                START,
                END,
                "America/Toronto",
                "zoom",
                null,
                "&lt;script&gt;alert(3)&lt;/script&gt;Room 4",
                "<p onclick=\"x()\">Bring <em>ID</em></p><script>alert(4)</script><a href=\"javascript:x()\">y</a>",
                false);

        ScheduledInterview created = ((Decision.Accepted<ScheduleChange>)
                        ScheduleRules.create("acme", "s-1", "u-1", draft, Optional.empty(), NONE, NOW))
                .result()
                .interview();

        assertThat(created.title()).isEqualTo("Casey Lee screen");
        assertThat(created.candidate().name()).isEqualTo("Casey Lee");
        assertThat(created.location()).isEqualTo("Room 4");
        assertThat(created.notes()).isEqualTo("<p>Bring <em>ID</em></p>y");
        for (String text : List.of(created.title(), created.candidate().name(), created.location(), created.notes())) {
            assertThat(text.toLowerCase()).doesNotContain("script", "onerror", "onclick", "javascript");
        }
        assertThat(TextSanitizer.plainText("R&D < 5 & co")).isEqualTo("R&D < 5 & co");
    }

    /** The payloads each plain-text field is tried with; none may leave markup or a script behind. */
    private static final List<String> XSS = List.of(
            "<script>alert(1)</script>Text",
            "<img src=x onerror=alert(1)>Text",
            "&lt;script&gt;alert(1)&lt;/script&gt;Text",
            "<a href=\"javascript:alert(1)\">Text</a>",
            "<svg/onload=alert(1)>Text",
            "<<script>script>alert(1)<</script>/script>Text");

    @TestFactory
    Stream<DynamicTest> everyPlainTextFieldLosesEveryPayload() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String payload : XSS) {
            tests.add(dynamicTest("schedule fields: " + payload, () -> {
                var draft = new ScheduleDraft(
                        "technical",
                        payload,
                        "c-1",
                        payload,
                        "c@example.com",
                        "Asia/Tokyo",
                        List.of(),
                        START,
                        END,
                        "America/Toronto",
                        "zoom",
                        null,
                        payload,
                        payload,
                        false);
                var created = ((Decision.Accepted<ScheduleChange>)
                                ScheduleRules.create("acme", "s-1", "u-1", draft, Optional.empty(), NONE, NOW))
                        .result()
                        .interview();
                for (String text :
                        List.of(created.title(), created.candidate().name(), created.location(), created.notes())) {
                    assertClean(text);
                }
            }));
            tests.add(dynamicTest("cancellation reason: " + payload, () -> {
                var cancelled = ((Decision.Accepted<ScheduleChange>) ScheduleRules.transition(
                                Optional.of(interview(ScheduleStatus.SCHEDULED)),
                                3L,
                                ScheduleRules.Action.CANCEL,
                                payload,
                                "u-1",
                                NOW))
                        .result()
                        .interview();
                assertClean(cancelled.cancellationReason());
            }));
            tests.add(dynamicTest("feedback fields: " + payload, () -> {
                var draft = new FeedbackDraft(
                        4, null, null, null, null, "yes", payload, payload, payload, payload, Map.of());
                var feedback = ((Decision.Accepted<ScheduleChange>) FeedbackRules.submitFeedback(
                                Optional.of(interview(ScheduleStatus.COMPLETED)), "u-7", draft, NOW))
                        .result()
                        .interview()
                        .feedbackFrom("u-7")
                        .orElseThrow();
                for (String text : List.of(
                        feedback.strengths(), feedback.weaknesses(), feedback.notes(), feedback.privateNotes())) {
                    assertClean(text);
                }
            }));
        }
        return tests.stream();
    }

    private static void assertClean(String text) {
        assertThat(text).isNotNull();
        assertThat(text.toLowerCase()).doesNotContain("<script", "onerror", "onload", "javascript:", "<img", "<svg");
        assertThat(text).contains("Text");
    }

    @Test
    void shouldRefuseADoubleBookingUnlessOverlapIsAllowed() {
        Bookings busy = interviewer -> interviewer.equals("u-9")
                ? List.of(new Booking("s-other", START.plusSeconds(1800), END.plusSeconds(1800)))
                : List.of();

        var rejected = (Decision.Rejected<ScheduleChange>)
                ScheduleRules.create("acme", "s-1", "u-1", draft(), Optional.empty(), busy, NOW);
        assertThat(rejected.reason()).isEqualTo(Decision.Reason.CONFLICT);
        assertThat(rejected.message()).contains("u-9");

        var allowed = new ScheduleDraft(
                "technical",
                "T",
                "c-1",
                "Casey",
                "c@example.com",
                "Asia/Tokyo",
                List.of("u-7", "u-9"),
                START,
                END,
                "America/Toronto",
                "zoom",
                null,
                null,
                null,
                true);
        assertThat(ScheduleRules.create("acme", "s-1", "u-1", allowed, Optional.empty(), busy, NOW))
                .isInstanceOf(Decision.Accepted.class);

        Bookings backToBack = interviewer -> List.of(new Booking("s-other", END, END.plusSeconds(3600)));
        assertThat(ScheduleRules.create("acme", "s-1", "u-1", draft(), Optional.empty(), backToBack, NOW))
                .as("an interview ending when the next starts does not overlap it")
                .isInstanceOf(Decision.Accepted.class);

        assertThat(reason(ScheduleRules.changePanel(
                        Optional.of(interview(ScheduleStatus.SCHEDULED)),
                        3L,
                        "u-11",
                        true,
                        false,
                        interviewer -> List.of(new Booking("s-other", START, END)),
                        NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
        assertThat(reason(ScheduleRules.reschedule(
                        Optional.of(interview(ScheduleStatus.SCHEDULED)),
                        3L,
                        START,
                        END,
                        interviewer -> List.of(new Booking("s-other", START, END)),
                        NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
        assertThat(ScheduleRules.reschedule(
                        Optional.of(interview(ScheduleStatus.SCHEDULED)),
                        3L,
                        START,
                        END,
                        interviewer -> List.of(new Booking("s-1", START, END)),
                        NOW))
                .as("its own booking is no conflict")
                .isInstanceOf(Decision.Accepted.class);
    }

    static FeedbackDraft feedback(Integer overall, String recommendation) {
        return new FeedbackDraft(
                overall, 4, 3, null, null, recommendation, "Clear", "Slow", "Notes", "Private", Map.of("sql", 4));
    }

    static ScheduleDraft draft() {
        return new ScheduleDraft(
                "technical",
                "Technical interview",
                "c-1",
                "Casey",
                "casey@example.com",
                "Asia/Tokyo",
                List.of("u-7", "u-9", "u-7"),
                START,
                END,
                "America/Toronto",
                "zoom",
                "https://zoom.us/j/1",
                "Virtual",
                "Bring ID",
                false);
    }

    /** An interview at version 3 in {@code status}, with panel u-7 and u-9. */
    static ScheduledInterview interview(ScheduleStatus status) {
        return new ScheduledInterview(
                "acme",
                "s-1",
                "technical",
                "Technical interview",
                new Candidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo"),
                "u-1",
                List.of("u-7", "u-9"),
                START,
                END,
                "America/Toronto",
                "zoom",
                "https://zoom.us/j/1",
                "Virtual",
                null,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                false,
                List.of(),
                3,
                NOW.minusSeconds(3600),
                NOW.minusSeconds(60));
    }

    @Test
    void aPanelChangeNamesWhoJoinedOrLeft() {
        var existing = Optional.of(interview(ScheduleStatus.SCHEDULED));
        var joined = ((Decision.Accepted<ScheduleChange>)
                        ScheduleRules.changePanel(existing, 3L, "u-11", true, false, NONE, NOW))
                .result();
        assertThat(joined.joined()).containsExactly("u-11");
        assertThat(joined.left()).isEmpty();

        var left = ((Decision.Accepted<ScheduleChange>)
                        ScheduleRules.changePanel(existing, 3L, "u-9", false, false, NONE, NOW))
                .result();
        assertThat(left.joined()).isEmpty();
        assertThat(left.left()).containsExactly("u-9");
        assertThat(left.interview().interviewerIds()).containsExactly("u-7");
    }

    static Decision.Reason reason(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<?>) decision).reason();
    }
}
