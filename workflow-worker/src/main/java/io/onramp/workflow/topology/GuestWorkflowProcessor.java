package io.onramp.workflow.topology;

import io.onramp.domain.Decision;
import io.onramp.platform.CommandReplies;
import io.onramp.platform.MappedStore;
import io.onramp.schemas.ChangeTaskStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.GuestWorkflowDeleted;
import io.onramp.schemas.Keys;
import io.onramp.schemas.ObserveDomainEvent;
import io.onramp.schemas.SubmitTaskData;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowOutcome;
import io.onramp.workflow.domain.GuestWorkflow;
import io.onramp.workflow.domain.Progress;
import io.onramp.workflow.domain.Role;
import io.onramp.workflow.domain.WorkflowChange;
import io.onramp.workflow.domain.WorkflowDefinition;
import io.onramp.workflow.domain.WorkflowRules;
import io.onramp.workflow.mapping.WorkflowMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The TASK-STATE table's writer: decides every command on one guest's workflow against the guest's row (commands for
 * a guest share its key, so they are decided one at a time, in order), stores the result, and forwards the reply, the
 * change to project and the public events. Domain events that change nothing are dropped: nobody waits on them.
 */
final class GuestWorkflowProcessor implements FixedKeyProcessor<String, WorkflowCommand, WorkflowOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, WorkflowOutcome> context;
    private MappedStore<GuestWorkflow> taskState;
    private Function<String, Optional<WorkflowDefinition>> definitions;

    GuestWorkflowProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WorkflowOutcome> context) {
        this.context = context;
        this.taskState = MappedStore.of(
                context.getStateStore(WorkflowTopology.TASK_STATE_STORE),
                WorkflowMapping::workflow,
                WorkflowMapping::avro);
        this.definitions = MappedStore.lookup(
                context.getStateStore(WorkflowTopology.GLOBAL_DEFINITIONS_STORE), WorkflowMapping::definition);
    }

    @Override
    public void process(FixedKeyRecord<String, WorkflowCommand> record) {
        WorkflowCommand command = record.value();
        CommandMetadata metadata = command.getMetadata();
        String tenant = metadata.getTenantId();
        Instant now = clock.instant();
        Optional<GuestWorkflow> existing = taskState.get(record.key());
        Object payload = command.getPayload();
        String actor = metadata.getUserId();

        Decision<Progress> decision;
        CommandOutcome success = CommandOutcome.ACCEPTED;
        if (payload instanceof EnrollGuest enrol) {
            var definition = definition(tenant, enrol);
            decision = WorkflowRules.enrol(
                    tenant, command.getGuestId(), enrol.getDefinitionId(), definition, existing, now);
            success = CommandOutcome.CREATED;
        } else if (payload instanceof ChangeTaskStatus change) {
            decision = WorkflowRules.changeStatus(
                    existing,
                    change.getTaskKey(),
                    WorkflowMapping.status(change.getStatus()),
                    roles(change),
                    change.getNote(),
                    now);
        } else if (payload instanceof SubmitTaskData data) {
            decision = WorkflowRules.submitData(existing, data.getTaskKey(), data.getResponses(), now);
        } else if (payload instanceof ObserveDomainEvent event) {
            decision = WorkflowRules.observe(existing, event.getEventType(), event.getQualifier(), now);
            actor = event.getSourceId();
            // An event that concerns no task of the guest records nothing (one kept for a locked task does).
            if (!(decision instanceof Decision.Accepted<Progress> accepted)
                    || accepted.result().workflow().equals(existing.orElseThrow())) {
                return;
            }
        } else {
            decision = WorkflowRules.delete(existing);
        }

        if (decision instanceof Decision.Accepted<Progress> accepted) {
            context.forward(record.withValue(apply(record.key(), metadata, actor, accepted.result(), success, now)));
        } else {
            context.forward(record.withValue(new WorkflowOutcome(
                    CommandReplies.rejected(
                            metadata, WorkflowAvro.GUEST_RESOURCE, command.getGuestId(), (Decision.Rejected<?>)
                                    decision),
                    null,
                    List.of())));
        }
    }

    /** Stores the accepted result (or removes the row, for a deletion) and describes it for the outcome topic. */
    private WorkflowOutcome apply(
            String key,
            CommandMetadata metadata,
            String actor,
            Progress progress,
            CommandOutcome success,
            Instant now) {
        GuestWorkflow workflow = progress.workflow();
        Object change;
        if (isDeletion(progress)) {
            taskState.delete(key);
            change = new GuestWorkflowDeleted(workflow.tenantId(), workflow.guestId(), now);
        } else {
            change = taskState.put(key, workflow);
        }
        return new WorkflowOutcome(
                CommandReplies.accepted(
                        metadata, WorkflowAvro.GUEST_RESOURCE, workflow.guestId(), success, workflow.version(), null),
                change,
                WorkflowAvro.events(metadata, actor, workflow, progress.changes(), now));
    }

    private static boolean isDeletion(Progress progress) {
        return progress.changes().stream().anyMatch(change -> change.type() == WorkflowChange.Type.WORKFLOW_DELETED);
    }

    /**
     * The version the command carries (the gateway sends the read model's latest, so an enrolment right after a
     * definition change sees it), or else the latest in the global table (upstream enrolment events).
     */
    private Optional<WorkflowDefinition> definition(String tenant, EnrollGuest enrol) {
        var carried = enrol.getDefinition();
        if (carried != null
                && carried.getTenantId().equals(tenant)
                && carried.getDefinitionId().equals(enrol.getDefinitionId())) {
            return Optional.of(WorkflowMapping.definition(carried));
        }
        return definitions.apply(Keys.of(tenant, enrol.getDefinitionId()));
    }

    private static Set<Role> roles(ChangeTaskStatus change) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (change.getAsGuest()) {
            roles.add(Role.GUEST);
        }
        if (change.getAsReviewer()) {
            roles.add(Role.REVIEWER);
        }
        return roles;
    }
}
