package io.onramp.workflow.topology;

import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.GuestWorkflow;
import io.onramp.schemas.Keys;
import io.onramp.schemas.ScheduleEventType;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowOutcome;
import java.time.Clock;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Guest workflows. Definition commands are decided per definition and every new version goes to the compacted
 * {@code workflow-definitions} topic, read back whole by every instance as a global table. The TASK-STATE table is
 * keyed by tenant and guest and fed by commands from the gateway, by upstream enrolment events naming a definition
 * (re-keyed by tenant and user), by completed attempts (already keyed by tenant and owner) and by completed scheduled
 * interviews (re-keyed by tenant and candidate), which may complete a task defined as {@code completes_on} them. Every decision goes to {@code workflow-outcomes} for the read model and the
 * reply; every status change to {@code workflow-events}.
 */
public final class WorkflowTopology {

    static final String DEFINITIONS_STORE = "workflow-definitions";
    public static final String GLOBAL_DEFINITIONS_STORE = "workflow-definitions-global";
    public static final String TASK_STATE_STORE = "task-state";

    private final Topics topics;
    private final Clock clock;

    public WorkflowTopology(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        definitions(builder);
        guests(builder);
    }

    private void definitions(StreamsBuilder builder) {
        var commands = topics.workflowDefinitionCommands;
        var versions = topics.workflowDefinitions;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEFINITIONS_STORE),
                versions.keySerde(),
                topics.storeSerde(WorkflowDefinition.class)));
        KStream<String, WorkflowOutcome> outcomes = builder.stream(
                        commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()))
                .processValues(() -> new DefinitionCommandProcessor(clock), DEFINITIONS_STORE);
        toOutcomes(outcomes);
        outcomes.filter((key, outcome) -> outcome.getChange() instanceof WorkflowDefinition)
                .mapValues(outcome -> (WorkflowDefinition) outcome.getChange())
                .to(versions.name(), Produced.with(versions.keySerde(), versions.valueSerde()));
        builder.globalTable(
                versions.name(),
                Consumed.with(versions.keySerde(), versions.valueSerde()),
                Materialized.<String, WorkflowDefinition, KeyValueStore<Bytes, byte[]>>as(GLOBAL_DEFINITIONS_STORE)
                        .withKeySerde(versions.keySerde())
                        .withValueSerde(versions.valueSerde()));
    }

    private void guests(StreamsBuilder builder) {
        var commands = topics.workflowCommands;
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TASK_STATE_STORE),
                commands.keySerde(),
                topics.storeSerde(GuestWorkflow.class)));

        KStream<String, WorkflowCommand> fromGateway =
                builder.stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()));
        var enrollments = topics.enrollments;
        KStream<String, WorkflowCommand> fromUpstream = builder.stream(
                        enrollments.name(), Consumed.with(enrollments.keySerde(), enrollments.valueSerde()))
                .filter((key, event) -> event.getWorkflowDefinitionId() != null)
                .map((key, event) ->
                        KeyValue.pair(Keys.of(event.getTenantId(), event.getUserId()), WorkflowAvro.enrol(event)))
                .repartition(Repartitioned.with(commands.keySerde(), commands.valueSerde())
                        .withName("workflow-enrollments-by-guest"));
        var attempts = topics.attemptEvents;
        KStream<String, WorkflowCommand> fromAttempts = builder.stream(
                        attempts.name(), Consumed.with(attempts.keySerde(), attempts.valueSerde()))
                .filter((key, attempt) -> attempt.getStatus() == AttemptStatus.COMPLETED)
                .mapValues(WorkflowAvro::attemptCompleted);

        var schedules = topics.scheduleEvents;
        KStream<String, WorkflowCommand> fromSchedules = builder.stream(
                        schedules.name(), Consumed.with(schedules.keySerde(), schedules.valueSerde()))
                .filter((key, event) -> event.getType() == ScheduleEventType.COMPLETED)
                .map((key, event) -> KeyValue.pair(
                        Keys.of(event.getTenantId(), event.getCandidate().getId()),
                        WorkflowAvro.scheduleCompleted(event)))
                .repartition(Repartitioned.with(commands.keySerde(), commands.valueSerde())
                        .withName("workflow-schedule-completions-by-guest"));

        KStream<String, WorkflowOutcome> outcomes = fromGateway
                .merge(fromUpstream)
                .merge(fromAttempts)
                .merge(fromSchedules)
                .processValues(() -> new GuestWorkflowProcessor(clock), TASK_STATE_STORE);
        toOutcomes(outcomes);
        var events = topics.workflowEvents;
        outcomes.flatMapValues(WorkflowOutcome::getEvents)
                .to(events.name(), Produced.with(events.keySerde(), events.valueSerde()));
    }

    private void toOutcomes(KStream<String, WorkflowOutcome> outcomes) {
        var topic = topics.workflowOutcomes;
        outcomes.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()));
    }
}
