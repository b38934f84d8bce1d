package io.onramp.gateway.workflow;

import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowTaskDefinition;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * A workflow definition's groups and tasks as clients send them, and as the commands carry them: defining a workflow
 * sends them, and enrolling a guest carries the definition it was enrolled against.
 */
final class DefinitionGroups {

    private DefinitionGroups() {}

    record GroupRequest(
            String key,
            String title,
            @NotNull @Size(max = 100) List<@NotNull TaskRequest> tasks) {}

    record TaskRequest(
            String key, String title, String description, String linkText, String linkUrlPath, String completesOn) {}

    /** The groups as the command carries them; absent texts are empty, for the worker to judge. */
    static List<WorkflowGroupDefinition> avro(List<GroupRequest> groups) {
        return groups.stream().map(DefinitionGroups::group).toList();
    }

    private static WorkflowGroupDefinition group(GroupRequest group) {
        return new WorkflowGroupDefinition(
                Objects.requireNonNullElse(group.key(), ""),
                Objects.requireNonNullElse(group.title(), ""),
                group.tasks().stream()
                        .map(task -> new WorkflowTaskDefinition(
                                Objects.requireNonNullElse(task.key(), ""),
                                Objects.requireNonNullElse(task.title(), ""),
                                Objects.requireNonNullElse(task.description(), ""),
                                Objects.requireNonNullElse(task.linkText(), ""),
                                Objects.requireNonNullElse(task.linkUrlPath(), ""),
                                task.completesOn()))
                        .toList());
    }
}
