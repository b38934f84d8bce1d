package io.onramp.workflow.topology;

import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Attempt;
import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.GuestTask;
import io.onramp.schemas.GuestTaskGroup;
import io.onramp.schemas.ObserveDomainEvent;
import io.onramp.schemas.ScheduleEvent;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowEvent;
import io.onramp.schemas.WorkflowEventType;
import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowStatus;
import io.onramp.schemas.WorkflowTaskDefinition;
import io.onramp.workflow.domain.GroupDefinition;
import io.onramp.workflow.domain.GuestWorkflow;
import io.onramp.workflow.domain.Task;
import io.onramp.workflow.domain.TaskDefinition;
import io.onramp.workflow.domain.TaskGroup;
import io.onramp.workflow.domain.TaskStatus;
import io.onramp.workflow.domain.WorkflowChange;
import io.onramp.workflow.domain.WorkflowDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps the workflow domain to its Avro records and back, and domain events from other topics to commands. */
public final class WorkflowAvro {

    public static final String DEFINITION_RESOURCE = "workflow_definition";
    public static final String GUEST_RESOURCE = "guest_workflow";

    /** The author of commands derived from upstream enrolment events. */
    static final String ENROLLMENT_AUTHOR = "enrollment";

    /** The event type an attempt completing is observed as; its qualifier is the interview id. */
    public static final String ATTEMPT_COMPLETED = "attempt_completed";

    private WorkflowAvro() {}

    public static List<GroupDefinition> groups(List<WorkflowGroupDefinition> groups) {
        return groups.stream()
                .map(group -> new GroupDefinition(
                        group.getKey(),
                        group.getTitle(),
                        group.getTasks().stream().map(WorkflowAvro::task).toList()))
                .toList();
    }

    public static List<WorkflowGroupDefinition> avroGroups(List<GroupDefinition> groups) {
        return groups.stream()
                .map(group -> new WorkflowGroupDefinition(
                        group.key(),
                        group.title(),
                        group.tasks().stream().map(WorkflowAvro::avro).toList()))
                .toList();
    }

    static WorkflowDefinition definition(io.onramp.schemas.WorkflowDefinition avro) {
        return new WorkflowDefinition(
                avro.getTenantId(),
                avro.getDefinitionId(),
                avro.getVersion(),
                groups(avro.getGroups()),
                avro.getUpdatedBy(),
                avro.getUpdatedAt());
    }

    static io.onramp.schemas.WorkflowDefinition avro(WorkflowDefinition definition) {
        return new io.onramp.schemas.WorkflowDefinition(
                definition.tenantId(),
                definition.id(),
                definition.version(),
                avroGroups(definition.groups()),
                definition.updatedBy(),
                definition.updatedAt());
    }

    public static GuestWorkflow workflow(io.onramp.schemas.GuestWorkflow avro) {
        return new GuestWorkflow(
                avro.getTenantId(),
                avro.getGuestId(),
                avro.getDefinitionId(),
                avro.getDefinitionVersion(),
                avro.getGroups().stream()
                        .map(group -> new TaskGroup(
                                group.getKey(),
                                group.getTitle(),
                                group.getTasks().stream()
                                        .map(WorkflowAvro::task)
                                        .toList()))
                        .toList(),
                avro.getVersion(),
                avro.getEnrolledAt(),
                avro.getUpdatedAt());
    }

    static io.onramp.schemas.GuestWorkflow avro(GuestWorkflow workflow) {
        return new io.onramp.schemas.GuestWorkflow(
                workflow.tenantId(),
                workflow.guestId(),
                workflow.definitionId(),
                workflow.definitionVersion(),
                workflow.groups().stream()
                        .map(group -> new GuestTaskGroup(
                                group.key(),
                                group.title(),
                                status(group.status()),
                                group.tasks().stream().map(WorkflowAvro::avro).toList()))
                        .toList(),
                workflow.version(),
                workflow.enrolledAt(),
                workflow.updatedAt());
    }

    public static TaskStatus status(WorkflowStatus status) {
        return TaskStatus.valueOf(status.name());
    }

    public static WorkflowStatus status(TaskStatus status) {
        return WorkflowStatus.valueOf(status.name());
    }

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
                    .setFromStatus(change.from() == null ? null : status(change.from()))
                    .setToStatus(change.to() == null ? null : status(change.to()))
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

    /** The attempt an outcome completed, if it completed one. */
    static boolean completesAttempt(AccessOutcome outcome) {
        return outcome.getChange() instanceof Attempt attempt && attempt.getStatus() == AttemptStatus.COMPLETED;
    }

    /** An attempt that completed, as an event its owner's workflow observes (qualified by the interview). */
    static WorkflowCommand attemptCompleted(AccessOutcome outcome) {
        Attempt attempt = (Attempt) outcome.getChange();
        return new WorkflowCommand(
                new CommandMetadata(
                        ATTEMPT_COMPLETED + ":" + attempt.getAttemptId(),
                        attempt.getTenantId(),
                        attempt.getUserId(),
                        attempt.getUpdatedAt()),
                attempt.getUserId(),
                new ObserveDomainEvent(ATTEMPT_COMPLETED, attempt.getInterviewId(), attempt.getAttemptId()));
    }

    private static TaskDefinition task(WorkflowTaskDefinition task) {
        return new TaskDefinition(
                task.getKey(),
                task.getTitle(),
                task.getDescription(),
                task.getLinkText(),
                task.getLinkUrlPath(),
                task.getCompletesOn());
    }

    private static Task task(GuestTask task) {
        return new Task(
                new TaskDefinition(
                        task.getKey(),
                        task.getTitle(),
                        task.getDescription(),
                        task.getLinkText(),
                        task.getLinkUrlPath(),
                        task.getCompletesOn()),
                status(task.getStatus()),
                task.getNote(),
                task.getData(),
                task.getUpdatedAt());
    }

    private static WorkflowTaskDefinition avro(TaskDefinition task) {
        return new WorkflowTaskDefinition(
                task.key(), task.title(), task.description(), task.linkText(), task.linkUrlPath(), task.completesOn());
    }

    private static GuestTask avro(Task task) {
        TaskDefinition definition = task.definition();
        return new GuestTask(
                definition.key(),
                definition.title(),
                definition.description(),
                definition.linkText(),
                definition.linkUrlPath(),
                definition.completesOn(),
                status(task.status()),
                task.note(),
                task.data(),
                task.updatedAt());
    }
}
