package io.onramp.gateway.workflow;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.DefineWorkflow;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflow definitions as data (seeds/002): every PUT that changes a definition stores a new version (201 for the
 * first, 200 after); guests stay on the version they were enrolled on. The rules a definition must follow are decided
 * in the workflow-worker, which names every broken one by its path ({@code groups[0].tasks[1].title}).
 */
@Tag(name = "Workflow definitions", description = "Versioned definitions of guest onboarding workflows")
@RestController
class WorkflowDefinitionController {

    private final CommandBus commands;
    private final Topics topics;
    private final WorkflowReadModel workflows;

    WorkflowDefinitionController(CommandBus commands, Topics topics, WorkflowReadModel workflows) {
        this.commands = commands;
        this.topics = topics;
        this.workflows = workflows;
    }

    record DefinitionRequest(@NotNull @Size(max = 50) List<DefinitionGroups.@NotNull @Valid GroupRequest> groups) {}

    @Responds(also = 201, accepted = true, errors = 400)
    @PutMapping("/api/v1/workflow-definitions/{definitionId}")
    ResponseEntity<WorkflowViews.Definition> define(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String definitionId,
            @Valid @RequestBody DefinitionRequest request) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_MANAGE);
        String id = WorkflowIds.definition(definitionId);
        var groups = DefinitionGroups.avro(request.groups());
        var reply = commands.send(
                caller,
                topics.workflowDefinitionCommands,
                Keys.of(caller.tenantId(), id),
                metadata -> new DefineWorkflow(metadata, id, groups),
                prefer);
        var stored = find(caller, id, reply.getVersion().intValue());
        if (reply.getOutcome() == CommandOutcome.CREATED) {
            return ResponseEntity.created(URI.create(ResourceLocations.of("workflow_definition", id)))
                    .body(stored);
        }
        return ResponseEntity.ok(stored);
    }

    /** The latest version, or the one asked for. */
    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/workflow-definitions/{definitionId}")
    WorkflowViews.Definition get(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String definitionId,
            @RequestParam(required = false) Integer version) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_MANAGE, Permissions.WORKFLOWS_READ_ALL);
        return find(caller, WorkflowIds.definition(definitionId), version);
    }

    private WorkflowViews.Definition find(Caller caller, String id, Integer version) {
        return workflows
                .definition(caller.tenantId(), id, version)
                .orElseThrow(() -> new NotFoundException("Workflow definition", id));
    }
}
