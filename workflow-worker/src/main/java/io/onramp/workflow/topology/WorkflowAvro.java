package io.onramp.workflow.topology;

import io.onramp.schemas.Attempt;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.ObserveDomainEvent;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.workflow.domain.GuestWorkflow;
import io.onramp.workflow.domain.WorkflowChange;
import io.onramp.workflow.mapping.WorkflowMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the topology writes and reads besides the domain's own records: the public events of a decision, and domain
 * events from other topics as the commands they ask for. The domain's records themselves map in
 * {@link WorkflowMapping}.
 */
public final class WorkflowAvro {

    public static final String DEFINITION_RESOURCE = "workflow_definition";
    public static final String GUEST_RESOURCE = "guest_workflow";

    /** The author of commands derived from upstream enrolment events. */
    static final String ENROLLMENT_AUTHOR = "enrollment";

    /** The event type an attempt completing is observed as; its qualifier is the interview id. */
    public static final String ATTEMPT_COMPLETED = "attempt_completed";

    private WorkflowAvro() {}

    /**
     * The public events of one decided command, with ids made of the request id and their position, so that a
     * consumer can tell a redelivery from a new event.
     */
    static List<WorkflowEvent> events(
            CommandMetadata metadata, String actor, GuestWorkflow workflow, List<WorkflowChange> changes, Instant now) {
        List<WorkflowEvent> events = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            WorkflowChange change = changes.get(i);
            events.add(WorkflowEvent.newBuilder()
                    .setEventId(metadata.getRequestId() + "#" + i)
                    .setTenantId(workflow.tenantId())
                    .setGuestId(workflow.guestId())
                    .setType(WorkflowEventType.valueOf(change.type().name()))
                    .setDefinitionId(workflow.definitionId())
                    .setDefinitionVersion(workflow.definitionVersion())
                    .setGroupKey(change.groupKey())
                    .setTaskKey(change.taskKey())
                    .setFromStatus(change.from() == null ? null : WorkflowMapping.status(change.from()))
                    .setToStatus(change.to() == null ? null : WorkflowMapping.status(change.to()))
                    .setNote(change.note())
                    .setActorId(actor)
                    .setWorkflowVersion(workflow.version())
                    .setOccurredAt(now)
                    .build());
        }
        return events;
    }

    /** The event type a scheduled interview completing is observed as; its qualifier is the interview type. */
    public static final String SCHEDULE_COMPLETED = "schedule_completed";

    /** A scheduled interview that completed, as an event its candidate's workflow observes. */
    static WorkflowCommand scheduleCompleted(ScheduleEvent event) {
        return new WorkflowCommand(
                new CommandMetadata(
                        SCHEDULE_COMPLETED + ":" + event.getScheduleId(),
                        event.getTenantId(),
                        event.getActorId(),
                        event.getOccurredAt()),
                event.getCandidate().getId(),
                new ObserveDomainEvent(SCHEDULE_COMPLETED, event.getInterviewType(), event.getScheduleId()));
    }

    /** An upstream enrolment naming a workflow definition, as the enrolment command it asks for. */
    static WorkflowCommand enrol(EnrollmentEvent event) {
        return new WorkflowCommand(
                new CommandMetadata(
                        "workflow-enrollment:" + event.getEventId(),
                        event.getTenantId(),
                        ENROLLMENT_AUTHOR,
                        event.getOccurredAt()),
                event.getUserId(),
                new EnrollGuest(event.getWorkflowDefinitionId(), null));
    }

    /** An attempt that completed, as an event its owner's workflow observes (qualified by the interview). */
    static WorkflowCommand attemptCompleted(Attempt attempt) {
        return new WorkflowCommand(
                new CommandMetadata(
                        ATTEMPT_COMPLETED + ":" + attempt.getAttemptId(),
                        attempt.getTenantId(),
                        attempt.getUserId(),
                        attempt.getUpdatedAt()),
                attempt.getUserId(),
                new ObserveDomainEvent(ATTEMPT_COMPLETED, attempt.getInterviewId(), attempt.getAttemptId()));
    }
}
