package io.onramp.workflow.topology.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.ChangePanel;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.CreateSchedule;
import io.onramp.schemas.DefineScheduleTemplate;
import io.onramp.schemas.DefineWorkflow;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.GuestTask;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.RescheduleSchedule;
import io.onramp.schemas.Schedule;
import io.onramp.schemas.ScheduleAction;
import io.onramp.schemas.ScheduleCommand;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.ScheduleEventType;
import io.onramp.schemas.ScheduleOutcome;
import io.onramp.schemas.SubmitFeedback;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import io.onramp.schemas.TransitionSchedule;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowStatus;
import io.onramp.schemas.WorkflowTaskDefinition;
import io.onramp.workflow.topology.WorkflowTopology;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T16:00:00Z");

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, ScheduleCommand> commands;
    private TestOutputTopic<String, ScheduleOutcome> outcomes;
    private TestOutputTopic<String, ScheduleEvent> events;

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new WorkflowTopology(topics, clock).build(builder);
        new ScheduleTopology(topics, clock).build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "workflow-worker-test");
        driver = new TopologyTestDriver(builder.build(), config);
        commands = input(topics.scheduleCommands);
        outcomes = output(topics.scheduleOutcomes);
        events = output(topics.scheduleEvents);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRefuseADoubleBookingAndFreeTheInterviewerOnceTheFirstIsCancelled() {
        assertThat(send("s-1", null, create(START, END, "u-7")).getOutcome()).isEqualTo(CommandOutcome.CREATED);

        var overlapping = send("s-2", null, create(START.plusSeconds(1800), END.plusSeconds(1800), "u-9", "u-7"));
        assertThat(overlapping.getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(overlapping.getMessage()).contains("u-7");

        var allowed = create(START.plusSeconds(1800), END.plusSeconds(1800), "u-9", "u-7");
        allowed.setAllowOverlap(true);
        assertThat(send("s-3", null, allowed).getOutcome()).isEqualTo(CommandOutcome.CREATED);

        assertThat(send("s-1", 1L, new TransitionSchedule(ScheduleAction.CANCEL, "withdrew"))
                        .getOutcome())
                .isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(send("s-4", null, create(START, END, "u-7")).getOutcome())
                .as("a cancelled interview books no one")
                .isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(send("s-3", 1L, new ChangePanel("u-7", false, false)).getOutcome())
                .isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(send("s-4", null, create(START, END, "u-7")).getOutcome()).isEqualTo(CommandOutcome.CREATED);
    }

    @Test
    void shouldCheckTheNewTimesAndTheNewInterviewerAgainstOtherBookings() {
        send("s-1", null, create(START, END, "u-7"));
        send("s-2", null, create(END, END.plusSeconds(3600), "u-9"));

        assertThat(send("s-2", 1L, new RescheduleSchedule(START, END)).getOutcome())
                .as("u-9 alone: no conflict")
                .isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(send("s-2", 2L, new ChangePanel("u-7", true, false)).getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(send("s-1", 1L, new RescheduleSchedule(END, END.plusSeconds(3600)))
                        .getOutcome())
                .isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(send("s-2", 2L, new ChangePanel("u-7", true, false)).getOutcome())
                .as("u-7 moved away")
                .isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void shouldScheduleFromATemplateAndRefuseAnUnknownOne() {
        var defined = send("screen", null, new DefineScheduleTemplate("screen", "phone", 30, "Phone screen"));
        assertThat(defined.getOutcome()).isEqualTo(CommandOutcome.CREATED);

        var fromTemplate = create(START, END, "u-7");
        fromTemplate.setInterviewType(null);
        fromTemplate.setTitle(null);
        fromTemplate.setScheduledEnd(null);
        fromTemplate.setTemplateId("screen");
        assertThat(send("s-1", null, fromTemplate).getOutcome()).isEqualTo(CommandOutcome.CREATED);
        KeyValueStore<String, Schedule> store = driver.getKeyValueStore(ScheduleTopology.SCHEDULES_STORE);
        assertThat(store.get("acme/s-1").getScheduledEnd()).isEqualTo(START.plusSeconds(1800));
        assertThat(store.get("acme/s-1").getInterviewType()).isEqualTo("phone");

        var unknown = create(START.plusSeconds(86_400), null, "u-9");
        unknown.setTemplateId("nope");
        var refused = send("s-2", null, unknown);
        assertThat(refused.getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
        assertThat(refused.getErrors().get(0).getField()).isEqualTo("template_id");
    }

    @Test
    void shouldLetOnlyOneOfTwoCommandsOnTheSameVersionWin() {
        send("s-1", null, create(START, END, "u-7"));

        var first = send("s-1", 1L, new RescheduleSchedule(START.plusSeconds(7200), END.plusSeconds(7200)));
        var second = send("s-1", 1L, new RescheduleSchedule(START.plusSeconds(3600), END.plusSeconds(3600)));

        assertThat(first.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(first.getVersion()).isEqualTo(2L);
        assertThat(second.getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(second.getMessage()).contains("version 2");
        KeyValueStore<String, Schedule> store = driver.getKeyValueStore(ScheduleTopology.SCHEDULES_STORE);
        assertThat(store.get("acme/s-1").getScheduledStart()).isEqualTo(START.plusSeconds(7200));
        assertThat(store.get("acme/s-1").getRescheduleCount()).isEqualTo(1);
    }

    @Test
    void shouldPublishAnEventForEveryChangeWithWhatRemindersAndNotificationsNeed() {
        send("s-1", null, create(START, END, "u-7"));
        send("s-1", 1L, new TransitionSchedule(ScheduleAction.START, null));
        send("s-1", 2L, new TransitionSchedule(ScheduleAction.COMPLETE, null));
        commands.pipeInput("acme", new ScheduleCommand(metadata("u-7"), "s-1", null, feedback(4)));
        outcomes.readValuesToList();

        var published = events.readKeyValuesToList();
        assertThat(published)
                .extracting(kv -> kv.value.getType())
                .containsExactly(
                        ScheduleEventType.SCHEDULED,
                        ScheduleEventType.STARTED,
                        ScheduleEventType.COMPLETED,
                        ScheduleEventType.FEEDBACK_SUBMITTED);
        assertThat(published).extracting(kv -> kv.key).containsOnly("acme/s-1");
        ScheduleEvent scheduled = published.get(0).value;
        assertThat(scheduled.getCandidate().getEmail()).isEqualTo("casey@example.com");
        assertThat(scheduled.getTimezone()).isEqualTo("America/Toronto");
        assertThat(scheduled.getInterviewerIds()).containsExactly("u-7");
        assertThat(scheduled.getScheduledStart()).isEqualTo(START);
        assertThat(published.get(2).value.getInterviewersWithoutFeedback()).containsExactly("u-7");
        assertThat(published.get(3).value.getAllFeedbackSubmitted()).isTrue();
        assertThat(published).extracting(kv -> kv.value.getEventId()).doesNotHaveDuplicates();
    }

    @Test
    void shouldCompleteTheGuestsTaskWhenTheirScheduledInterviewCompletes() {
        var definitions = input(topics.workflowDefinitionCommands);
        var workflowCommands = input(topics.workflowCommands);
        definitions.pipeInput(
                "acme/onboarding",
                new DefineWorkflow(
                        metadata("u-admin"),
                        "onboarding",
                        List.of(new WorkflowGroupDefinition(
                                "apply",
                                "Apply",
                                List.of(
                                        new WorkflowTaskDefinition(
                                                "interview", "Interview", "", "", "/schedule", "schedule_completed"),
                                        new WorkflowTaskDefinition("training", "Training", "", "", "", null))))));
        workflowCommands.pipeInput(
                "acme/c-1", new WorkflowCommand(metadata("u-admin"), "c-1", new EnrollGuest("onboarding", null)));

        send("s-1", null, create(START, END, "u-7"));
        send("s-1", 1L, new TransitionSchedule(ScheduleAction.START, null));
        send("s-1", 2L, new TransitionSchedule(ScheduleAction.COMPLETE, null));

        KeyValueStore<String, GuestWorkflow> taskState = driver.getKeyValueStore(WorkflowTopology.TASK_STATE_STORE);
        assertThat(taskState.get("acme/c-1").getGroups().get(0).getTasks())
                .extracting(GuestTask::getStatus)
                .containsExactly(WorkflowStatus.COMPLETE, WorkflowStatus.START);
    }

    private CommandReply send(String scheduleId, Long expectedVersion, Object payload) {
        commands.pipeInput("acme", new ScheduleCommand(metadata("u-1"), scheduleId, expectedVersion, payload));
        return outcomes.readValue().getReply();
    }

    private static CreateSchedule create(Instant start, Instant end, String... panel) {
        return CreateSchedule.newBuilder()
                .setInterviewType("technical")
                .setTitle("Technical interview")
                .setCandidateId("c-1")
                .setCandidateName("Casey")
                .setCandidateEmail("casey@example.com")
                .setCandidateTimezone("Asia/Tokyo")
                .setInterviewerIds(List.of(panel))
                .setScheduledStart(start)
                .setScheduledEnd(end)
                .setTimezone("America/Toronto")
                .setMeetingProvider("zoom")
                .setMeetingUrl("https://zoom.us/j/1")
                .build();
    }

    private static SubmitFeedback feedback(int overall) {
        return SubmitFeedback.newBuilder()
                .setOverallRating(overall)
                .setRecommendation("yes")
                .setCustomRatings(Map.of("sql", 4))
                .build();
    }

    private static CommandMetadata metadata(String user) {
        return new CommandMetadata(UUID.randomUUID().toString(), "acme", user, NOW);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }
}
