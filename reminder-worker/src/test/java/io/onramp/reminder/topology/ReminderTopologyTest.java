package io.onramp.reminder.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.onramp.reminder.domain.ReminderRules;
import io.onramp.reminder.domain.ReminderSettings;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.ReminderEvent;
import io.onramp.schemas.ReminderKind;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.ScheduleCandidate;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.ScheduleEventType;
import io.onramp.schemas.ScheduleStatus;
import io.onramp.schemas.Topics;
import io.onramp.timers.MutableClock;
import io.onramp.timers.TimerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders armed from schedule events and fired by wall-clock time, through the whole topology. */
class ReminderTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(3));
    private static final String KEY = "acme/s-1";

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private final MutableClock clock = new MutableClock(NOW);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ScheduleEvent> events;
    private TestOutputTopic<String, ReminderEvent> outcomes;
    private TestOutputTopic<String, ReminderEvent> reminders;

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        new ReminderTopology(
                        topics,
                        new ReminderRules(ReminderSettings.DEFAULT),
                        new TimerSettings(Duration.ofMillis(100), 100),
                        clock)
                .build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reminder-worker-test");
        driver = new TopologyTestDriver(builder.build(), config, NOW);
        var input = topics.scheduleEvents;
        events = driver.createInputTopic(
                input.name(), input.keySerde().serializer(), input.valueSerde().serializer());
        outcomes = output(topics.reminderOutcomes.name());
        reminders = output(topics.reminders.name());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldArmThreeRemindersAndFireEachOnceAtItsDueTime() {
        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, START);

        assertThat(outcomes.readValuesToList())
                .extracting(ReminderEvent::getReminderId, ReminderEvent::getStatus)
                .containsExactly(
                        tuple("s-1:1day:1", ReminderStatus.ARMED),
                        tuple("s-1:1hour:1", ReminderStatus.ARMED),
                        tuple("s-1:15min:1", ReminderStatus.ARMED));
        assertThat(reminders.isEmpty()).isTrue();

        advanceTo(START.minus(Duration.ofHours(24)).minusMillis(200));
        assertThat(reminders.isEmpty()).isTrue();
        advanceTo(START.minus(Duration.ofHours(24)).plusMillis(50));
        var fired = reminders.readValuesToList();
        assertThat(fired).singleElement().satisfies(reminder -> {
            assertThat(reminder.getReminderId()).isEqualTo("s-1:1day:1");
            assertThat(reminder.getStatus()).isEqualTo(ReminderStatus.FIRED);
            assertThat(reminder.getKind()).isEqualTo(ReminderKind.ONE_DAY);
            assertThat(Duration.between(reminder.getDueAt(), reminder.getFiredAt()))
                    .isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(reminder.getInterview().getInterviewerIds()).containsExactly("u-7");
            assertThat(reminder.getInterview().getCandidate().getEmail()).isEqualTo("casey@example.com");
        });

        advanceTo(START.minus(Duration.ofMinutes(60)).plusMillis(50));
        advanceTo(START.minus(Duration.ofMinutes(15)).plusMillis(50));
        assertThat(reminders.readValuesToList())
                .extracting(ReminderEvent::getReminderId, ReminderEvent::getStatus)
                .containsExactly(
                        tuple("s-1:1hour:1", ReminderStatus.FIRED), tuple("s-1:15min:1", ReminderStatus.FIRED));
        advanceTo(START.plus(Duration.ofDays(1)));
        assertThat(reminders.isEmpty()).as("each fires once").isTrue();
    }

    @Test
    void shouldFireAtOnceAReminderArmedInsideItsWindowAfterItsDueTime() {
        Instant start = NOW.plus(Duration.ofHours(24)).minusSeconds(60);

        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, start);

        assertThat(reminders.readValuesToList()).singleElement().satisfies(reminder -> {
            assertThat(reminder.getReminderId()).isEqualTo("s-1:1day:1");
            assertThat(reminder.getStatus()).isEqualTo(ReminderStatus.FIRED);
            assertThat(reminder.getFiredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void shouldSkipAReminderWhoseWindowClosedWhileTheWorkerWasNotRunning() {
        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, START);
        outcomes.readValuesToList();

        // No punctuation between arming and two hours past the 1-day due time: as after a long outage.
        advanceTo(START.minus(Duration.ofHours(22)));

        assertThat(reminders.readValuesToList())
                .extracting(ReminderEvent::getReminderId, ReminderEvent::getStatus, ReminderEvent::getFiredAt)
                .containsExactly(tuple("s-1:1day:1", ReminderStatus.SKIPPED, null));
    }

    @Test
    void shouldCancelArmedRemindersAndNeverFireThemOnceCancelled() {
        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, START);
        outcomes.readValuesToList();

        send(ScheduleEventType.CANCELLED, ScheduleStatus.CANCELLED, 2, START);
        assertThat(reminders.readValuesToList())
                .extracting(ReminderEvent::getReminderId, ReminderEvent::getStatus)
                .containsExactly(
                        tuple("s-1:1day:1", ReminderStatus.CANCELLED),
                        tuple("s-1:1hour:1", ReminderStatus.CANCELLED),
                        tuple("s-1:15min:1", ReminderStatus.CANCELLED));

        advanceTo(START);
        assertThat(reminders.isEmpty()).isTrue();
    }

    @Test
    void shouldRearmAtTheNewTimesOnARescheduleAndNeverFireTheOldOnes() {
        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, START);
        send(ScheduleEventType.CONFIRMED, ScheduleStatus.CONFIRMED, 2, START);
        outcomes.readValuesToList();
        Instant later = START.plus(Duration.ofDays(2));

        send(ScheduleEventType.RESCHEDULED, ScheduleStatus.RESCHEDULED, 3, later);

        assertThat(outcomes.readValuesToList())
                .extracting(ReminderEvent::getReminderId, ReminderEvent::getStatus)
                .containsExactly(
                        tuple("s-1:1day:1", ReminderStatus.CANCELLED),
                        tuple("s-1:1hour:1", ReminderStatus.CANCELLED),
                        tuple("s-1:15min:1", ReminderStatus.CANCELLED),
                        tuple("s-1:1day:3", ReminderStatus.ARMED),
                        tuple("s-1:1hour:3", ReminderStatus.ARMED),
                        tuple("s-1:15min:3", ReminderStatus.ARMED));
        reminders.readValuesToList();
        advanceTo(START);
        assertThat(reminders.isEmpty()).as("nothing of the old times fires").isTrue();
        advanceTo(later.minus(Duration.ofHours(24)));
        assertThat(reminders.readValuesToList())
                .extracting(ReminderEvent::getReminderId)
                .containsExactly("s-1:1day:3");
    }

    @Test
    void shouldRemindTheCurrentPanelAfterAPanelChangeAndIgnoreStaleEvents() {
        send(ScheduleEventType.SCHEDULED, ScheduleStatus.SCHEDULED, 1, START);
        send(ScheduleEventType.PANEL_CHANGED, ScheduleStatus.SCHEDULED, 2, START, "u-7", "u-9");
        send(ScheduleEventType.CANCELLED, ScheduleStatus.CANCELLED, 1, START);
        assertThat(outcomes.readValuesToList()).hasSize(3);

        advanceTo(START.minus(Duration.ofHours(24)));

        assertThat(reminders.readValuesToList()).singleElement().satisfies(reminder -> assertThat(
                        reminder.getInterview().getInterviewerIds())
                .containsExactly("u-7", "u-9"));
    }

    private void send(
            ScheduleEventType type, ScheduleStatus status, long version, Instant start, String... interviewers) {
        List<String> panel = interviewers.length == 0 ? List.of("u-7") : List.of(interviewers);
        events.pipeInput(
                KEY,
                ScheduleEvent.newBuilder()
                        .setEventId("acme/s-1/" + version)
                        .setTenantId("acme")
                        .setScheduleId("s-1")
                        .setType(type)
                        .setStatus(status)
                        .setInterviewType("technical")
                        .setTitle("Technical interview")
                        .setScheduledStart(start)
                        .setScheduledEnd(start.plus(Duration.ofHours(1)))
                        .setTimezone("America/Toronto")
                        .setCandidate(new ScheduleCandidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo"))
                        .setOrganizerId("u-1")
                        .setInterviewerIds(panel)
                        .setMeetingUrl("https://zoom.us/j/1")
                        .setRescheduleCount(type == ScheduleEventType.RESCHEDULED ? 1 : 0)
                        .setActorId("u-1")
                        .setVersion(version)
                        .setOccurredAt(clock.instant())
                        .build());
    }

    private void advanceTo(Instant instant) {
        Duration step = Duration.between(clock.instant(), instant);
        clock.advance(step);
        driver.advanceWallClockTime(step);
    }

    private TestOutputTopic<String, ReminderEvent> output(String topic) {
        var serde = topics.reminders.valueSerde();
        return driver.createOutputTopic(topic, topics.reminders.keySerde().deserializer(), serde.deserializer());
    }
}
