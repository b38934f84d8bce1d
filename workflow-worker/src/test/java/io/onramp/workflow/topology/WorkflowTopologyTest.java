package io.onramp.workflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.Attempt;
import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.ChangeTaskStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.DefineWorkflow;
import io.onramp.schemas.DeleteGuestWorkflow;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.GuestTask;
import io.onramp.schemas.GuestTaskGroup;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.GuestWorkflowDeleted;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.SubmitTaskData;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowOutcome;
import io.onramp.schemas.WorkflowStatus;
import io.onramp.schemas.WorkflowTaskDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String APPLICATION_ID = "workflow-worker-test";

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, DefineWorkflow> definitions;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, EnrollmentEvent> enrollments;
    private TestInputTopic<String, Attempt> attemptEvents;
    private TestOutputTopic<String, WorkflowOutcome> outcomes;
    private TestOutputTopic<String, WorkflowEvent> events;

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        new WorkflowTopology(topics, Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        driver = new TopologyTestDriver(builder.build(), config);
        definitions = input(topics.workflowDefinitionCommands);
        commands = input(topics.workflowCommands);
        enrollments = input(topics.enrollments);
        attemptEvents = input(topics.attemptEvents);
        outcomes = output(topics.workflowOutcomes);
        events = output(topics.workflowEvents);
        define("onboarding", "application", "interview", "training");
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldEnrolAGuestWithTheFirstTaskStartedAndEverythingElseLocked() {
        var reply = send("guest-1", new EnrollGuest("onboarding", null));

        assertThat(reply.getOutcome()).isEqualTo(CommandOutcome.CREATED);
        assertThat(reply.getVersion()).isEqualTo(1L);
        GuestWorkflow row = stored("guest-1");
        assertThat(row.getDefinitionVersion()).isEqualTo(1);
        assertThat(taskStatuses(row))
                .containsExactly(WorkflowStatus.START, WorkflowStatus.LOCKED, WorkflowStatus.LOCKED);
        assertThat(row.getGroups())
                .extracting(GuestTaskGroup::getStatus)
                .containsExactly(WorkflowStatus.START, WorkflowStatus.LOCKED);
        assertThat(events.readValuesToList())
                .extracting(WorkflowEvent::getType)
                .containsExactly(
                        WorkflowEventType.ENROLLED,
                        WorkflowEventType.TASK_STATUS_CHANGED,
                        WorkflowEventType.GROUP_STATUS_CHANGED);
    }

    @Test
    void shouldWalkToCompleteUnlockingTheNextGroupAndRefuseOutOfOrderMoves() {
        send("guest-1", new EnrollGuest("onboarding", null));
        events.readValuesToList();

        var early = send("guest-1", guestMove("interview", WorkflowStatus.COMPLETE));
        assertThat(early.getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(early.getMessage()).isEqualTo("Task 'interview' is locked; it cannot move to complete");

        for (String task : List.of("application", "interview", "training")) {
            assertThat(send("guest-1", guestMove(task, WorkflowStatus.COMPLETE)).getOutcome())
                    .isEqualTo(CommandOutcome.ACCEPTED);
            if (task.equals("interview")) {
                GuestWorkflow row = stored("guest-1");
                assertThat(row.getGroups())
                        .extracting(GuestTaskGroup::getStatus)
                        .as("the first group completed and the second unlocked")
                        .containsExactly(WorkflowStatus.COMPLETE, WorkflowStatus.START);
            }
        }
        GuestWorkflow done = stored("guest-1");
        assertThat(taskStatuses(done)).containsOnly(WorkflowStatus.COMPLETE);
        assertThat(done.getVersion()).isEqualTo(4L);
        List<WorkflowEvent> published = events.readValuesToList();
        assertThat(published.get(published.size() - 1).getType()).isEqualTo(WorkflowEventType.WORKFLOW_COMPLETED);
        assertThat(published).extracting(WorkflowEvent::getEventId).doesNotHaveDuplicates();

        var afterComplete = send("guest-1", guestMove("training", WorkflowStatus.IN_PROGRESS));
        assertThat(afterComplete.getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(afterComplete.getMessage()).contains("is complete");
    }

    @Test
    void shouldPublishTheReviewersNoteWithMoreInformationNeeded() {
        send("guest-1", new EnrollGuest("onboarding", null));
        send("guest-1", guestMove("application", WorkflowStatus.IN_PROGRESS));
        events.readValuesToList();

        var reply = send(
                "guest-1",
                new ChangeTaskStatus(
                        "application", WorkflowStatus.MORE_INFORMATION_NEEDED, "Upload your ID", false, true));

        assertThat(reply.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        WorkflowEvent event = events.readValuesToList().get(0);
        assertThat(event.getToStatus()).isEqualTo(WorkflowStatus.MORE_INFORMATION_NEEDED);
        assertThat(event.getNote()).isEqualTo("Upload your ID");
        assertThat(event.getActorId()).isEqualTo("u-coordinator");
    }

    @Test
    void shouldKeepEnrolledGuestsOnTheirVersionAndEnrolNewGuestsOnTheLatest() {
        send("guest-1", new EnrollGuest("onboarding", null));
        define("onboarding", "application", "interview", "training", "matching");
        send("guest-2", new EnrollGuest("onboarding", null));

        assertThat(stored("guest-1").getDefinitionVersion()).isEqualTo(1);
        assertThat(taskStatuses(stored("guest-1"))).hasSize(3);
        assertThat(stored("guest-2").getDefinitionVersion()).isEqualTo(2);
        assertThat(taskStatuses(stored("guest-2"))).hasSize(4);
    }

    @Test
    void shouldKeepTheVersionWhenTheSameDefinitionIsStoredAgain() {
        var again = define("onboarding", "application", "interview", "training");

        assertThat(again.getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(again.getReply().getVersion()).isEqualTo(1L);
        assertThat(again.getChange()).isNull();
    }

    @Test
    void shouldEnrolOnTheVersionTheCommandCarriesBeforeTheGlobalTableHasIt() {
        var carried = new WorkflowDefinition(
                "acme",
                "fresh",
                3,
                List.of(new WorkflowGroupDefinition("only", "Only", List.of(task("one", null)))),
                "u-admin",
                NOW);

        var reply = send("guest-1", new EnrollGuest("fresh", carried));

        assertThat(reply.getOutcome()).as(reply.toString()).isEqualTo(CommandOutcome.CREATED);
        assertThat(stored("guest-1").getDefinitionVersion()).isEqualTo(3);
        var otherTenants = new WorkflowDefinition("globex", "fresh", 1, carried.getGroups(), "u-admin", NOW);
        assertThat(send("guest-2", new EnrollGuest("fresh", otherTenants)).getOutcome())
                .as("a definition of another tenant is never used")
                .isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldEnrolFromAnUpstreamEventWhateverItsKey() {
        enrollments.pipeInput(
                "some-upstream-key",
                new EnrollmentEvent("e-1", "acme", "guest-7", List.of(), "onboarding", NOW.minusSeconds(5)));

        WorkflowOutcome outcome = outcomes.readValue();
        assertThat(outcome.getReply().getRequestId()).isEqualTo("workflow-enrollment:e-1");
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.CREATED);
        assertThat(stored("guest-7")).isNotNull();

        enrollments.pipeInput("acme/guest-8", new EnrollmentEvent("e-2", "acme", "guest-8", List.of("i-1"), null, NOW));
        assertThat(outcomes.isEmpty())
                .as("an enrolment naming no workflow is the access-worker's alone")
                .isTrue();
    }

    @Test
    void shouldCompleteATaskWhenTheAttemptItWaitsForCompletes() {
        definitions.pipeInput(
                "acme/screening",
                defineCommand(
                        "screening", List.of(task("application", null), task("screen", "attempt_completed:i-1"))));
        outcomes.readValuesToList();
        send("guest-1", new EnrollGuest("screening", null));
        send("guest-1", guestMove("application", WorkflowStatus.COMPLETE));
        events.readValuesToList();

        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-2", AttemptStatus.COMPLETED));
        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-1", AttemptStatus.IN_PROGRESS));
        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-1", AttemptStatus.EXPIRED));
        assertThat(outcomes.isEmpty())
                .as("events that change nothing are dropped; an expired attempt is not a completed one")
                .isTrue();

        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-1", AttemptStatus.COMPLETED));
        WorkflowOutcome outcome = outcomes.readValue();
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(taskStatuses(stored("guest-1"))).containsOnly(WorkflowStatus.COMPLETE);
        assertThat(events.readValuesToList())
                .extracting(WorkflowEvent::getActorId)
                .contains("attempt-of-i-1");
    }

    @Test
    void shouldKeepAnAttemptCompletedBeforeItsTaskUnlockedAndCompleteTheTaskWhenItDoes() {
        definitions.pipeInput(
                "acme/screening",
                defineCommand(
                        "screening", List.of(task("application", null), task("screen", "attempt_completed:i-1"))));
        outcomes.readValuesToList();
        send("guest-1", new EnrollGuest("screening", null));
        events.readValuesToList();

        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-1", AttemptStatus.COMPLETED));
        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(events.isEmpty()).as("keeping the event changes no status").isTrue();
        GuestTask screen = stored("guest-1").getGroups().get(1).getTasks().get(0);
        assertThat(screen.getStatus()).isEqualTo(WorkflowStatus.LOCKED);
        assertThat(screen.getObservedEvent()).isEqualTo("attempt_completed:i-1");
        attemptEvents.pipeInput("acme/guest-1", attempt("guest-1", "i-1", AttemptStatus.COMPLETED));
        assertThat(outcomes.isEmpty())
                .as("the same event again is already kept")
                .isTrue();

        send("guest-1", guestMove("application", WorkflowStatus.COMPLETE));
        assertThat(taskStatuses(stored("guest-1"))).containsOnly(WorkflowStatus.COMPLETE);
        assertThat(stored("guest-1").getGroups().get(1).getTasks().get(0).getObservedEvent())
                .isNull();
        assertThat(events.readValuesToList())
                .filteredOn(event -> "screen".equals(event.getTaskKey()))
                .extracting(WorkflowEvent::getToStatus)
                .containsExactly(WorkflowStatus.COMPLETE);
    }

    @Test
    void shouldDeleteTheGuestsStateDataAndReadModelRowsAndLetThemEnrolAfresh() {
        send("guest-1", new EnrollGuest("onboarding", null));
        send("guest-1", new SubmitTaskData("application", "{\"income\":\"1200\"}"));
        send("guest-1", guestMove("application", WorkflowStatus.COMPLETE));
        assertThat(stored("guest-1").getGroups().get(0).getTasks().get(0).getData())
                .isEqualTo("{\"income\":\"1200\"}");

        var reply = send("guest-1", new DeleteGuestWorkflow());

        assertThat(reply.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(stored("guest-1")).isNull();
        var changelog = driver.createOutputTopic(
                APPLICATION_ID + "-" + WorkflowTopology.TASK_STATE_STORE + "-changelog",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        var last = changelog.readRecordsToList().stream()
                .filter(record -> record.key().equals("acme/guest-1"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(last.value()).as("a tombstone on the compacted changelog").isNull();
        assertThat(events.readValuesToList())
                .extracting(WorkflowEvent::getType)
                .endsWith(WorkflowEventType.WORKFLOW_DELETED);
        assertThat(send("guest-1", guestMove("application", WorkflowStatus.COMPLETE))
                        .getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);

        assertThat(send("guest-1", new EnrollGuest("onboarding", null)).getOutcome())
                .isEqualTo(CommandOutcome.CREATED);
        GuestWorkflow fresh = stored("guest-1");
        assertThat(fresh.getVersion()).isEqualTo(1L);
        assertThat(fresh.getGroups().get(0).getTasks())
                .extracting(GuestTask::getData)
                .containsOnlyNulls();
    }

    @Test
    void shouldDecideTheDeletionOutcomeWithTheDeletedRow() {
        send("guest-1", new EnrollGuest("onboarding", null));
        commands.pipeInput("acme/guest-1", command("guest-1", new DeleteGuestWorkflow()));
        WorkflowOutcome outcome = outcomes.readValue();
        assertThat(outcome.getChange()).isInstanceOf(GuestWorkflowDeleted.class);
    }

    @Test
    void shouldRefuseAnEnrolmentOnAnUnknownDefinitionAndASecondOne() {
        assertThat(send("guest-1", new EnrollGuest("nope", null)).getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
        send("guest-1", new EnrollGuest("onboarding", null));
        assertThat(send("guest-1", new EnrollGuest("onboarding", null)).getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_CONFLICT);
    }

    private WorkflowOutcome define(String id, String... taskKeys) {
        definitions.pipeInput(
                "acme/" + id,
                defineCommand(
                        id,
                        java.util.Arrays.stream(taskKeys)
                                .map(key -> task(key, null))
                                .toList()));
        return outcomes.readValue();
    }

    /** Tasks split over two groups: the first two in the first group, the rest in the second. */
    private static DefineWorkflow defineCommand(String id, List<WorkflowTaskDefinition> tasks) {
        int split = Math.min(2, tasks.size() - 1);
        var groups = List.of(
                new WorkflowGroupDefinition("first", "First", tasks.subList(0, split)),
                new WorkflowGroupDefinition("second", "Second", tasks.subList(split, tasks.size())));
        return new DefineWorkflow(metadata("u-admin"), id, groups);
    }

    private static WorkflowTaskDefinition task(String key, String completesOn) {
        return new WorkflowTaskDefinition(key, "Title " + key, "About " + key, "Open", "/" + key, completesOn);
    }

    private CommandReply send(String guest, Object payload) {
        commands.pipeInput("acme/" + guest, command(guest, payload));
        return outcomes.readValue().getReply();
    }

    private static WorkflowCommand command(String guest, Object payload) {
        String actor = payload instanceof ChangeTaskStatus change && change.getAsReviewer() ? "u-coordinator" : guest;
        return new WorkflowCommand(metadata(actor), guest, payload);
    }

    private static ChangeTaskStatus guestMove(String task, WorkflowStatus status) {
        return new ChangeTaskStatus(task, status, null, true, false);
    }

    private static CommandMetadata metadata(String user) {
        return new CommandMetadata(UUID.randomUUID().toString(), "acme", user, NOW);
    }

    private static Attempt attempt(String user, String interview, AttemptStatus status) {
        return new Attempt("acme", "attempt-of-" + interview, interview, user, status, NOW, null, NOW, false, 2L, NOW);
    }

    private GuestWorkflow stored(String guest) {
        KeyValueStore<String, GuestWorkflow> store = driver.getKeyValueStore(WorkflowTopology.TASK_STATE_STORE);
        return store.get("acme/" + guest);
    }

    private static List<WorkflowStatus> taskStatuses(GuestWorkflow row) {
        return row.getGroups().stream()
                .flatMap(group -> group.getTasks().stream())
                .map(GuestTask::getStatus)
                .toList();
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
