package io.onramp.workflow.mapping;

import io.onramp.schemas.GuestTask;
import io.onramp.schemas.GuestTaskGroup;
import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowStatus;
import io.onramp.schemas.WorkflowTaskDefinition;
import io.onramp.workflow.domain.GroupDefinition;
import io.onramp.workflow.domain.GuestWorkflow;
import io.onramp.workflow.domain.Task;
import io.onramp.workflow.domain.TaskDefinition;
import io.onramp.workflow.domain.TaskGroup;
import io.onramp.workflow.domain.TaskStatus;
import io.onramp.workflow.domain.WorkflowDefinition;
import java.util.List;

/**
 * The workflow domain's records to their Avro form and back: what the topology keeps in its stores and the projector
 * writes to the read model, so both use it (the domain itself knows no Avro).
 */
public final class WorkflowMapping {

    private WorkflowMapping() {}

    public static List<GroupDefinition> groups(List<WorkflowGroupDefinition> groups) {
        return groups.stream()
                .map(group -> new GroupDefinition(
                        group.getKey(),
                        group.getTitle(),
                        group.getTasks().stream().map(WorkflowMapping::task).toList()))
                .toList();
    }

    public static List<WorkflowGroupDefinition> avroGroups(List<GroupDefinition> groups) {
        return groups.stream()
                .map(group -> new WorkflowGroupDefinition(
                        group.key(),
                        group.title(),
                        group.tasks().stream().map(WorkflowMapping::avro).toList()))
                .toList();
    }

    public static WorkflowDefinition definition(io.onramp.schemas.WorkflowDefinition avro) {
        return new WorkflowDefinition(
                avro.getTenantId(),
                avro.getDefinitionId(),
                avro.getVersion(),
                groups(avro.getGroups()),
                avro.getUpdatedBy(),
                avro.getUpdatedAt());
    }

    public static io.onramp.schemas.WorkflowDefinition avro(WorkflowDefinition definition) {
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
                                        .map(WorkflowMapping::task)
                                        .toList()))
                        .toList(),
                avro.getVersion(),
                avro.getEnrolledAt(),
                avro.getUpdatedAt());
    }

    public static io.onramp.schemas.GuestWorkflow avro(GuestWorkflow workflow) {
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
                                group.tasks().stream()
                                        .map(WorkflowMapping::avro)
                                        .toList()))
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
                task.getUpdatedAt(),
                task.getObservedEvent());
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
                task.updatedAt(),
                task.observedEvent());
    }
}
