package io.onramp.gateway.workflow;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.ForbiddenException;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.ChangeTaskStatus;
import io.onramp.schemas.DeleteGuestWorkflow;
import io.onramp.schemas.EnrollGuest;
import io.onramp.schemas.Keys;
import io.onramp.schemas.SubmitTaskData;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowCommand;
import io.onramp.schemas.WorkflowDefinition;
import io.onramp.schemas.WorkflowStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guests' workflows (seeds/002), decided in the workflow-worker's TASK-STATE table. A guest progresses their own
 * tasks ({@code workflows:update}); a coordinator ({@code workflows:review}) requests more information or completes a
 * task on the guest's behalf; the state machine answers every illegal move with a 409 naming the current status.
 * Another tenant's guest is a 404; another guest of the same tenant, without the permission that reaches them, a 403.
 */
@Tag(name = "Guest workflows", description = "Enrolment, the dashboard, task status and task data")
@RestController
class GuestWorkflowController {

    /** The largest task data accepted, in characters of its compact JSON text (as the worker enforces too). */
    static final int MAX_RESPONSES_CHARS = 32 * 1024;

    private static final String STATUSES = "locked|start|in_progress|more_information_needed|complete";

    private final CommandBus commands;
    private final Topics topics;
    private final WorkflowReadModel workflows;
    private final JsonMapper json;

    GuestWorkflowController(CommandBus commands, Topics topics, WorkflowReadModel workflows, JsonMapper json) {
        this.commands = commands;
        this.topics = topics;
        this.workflows = workflows;
        this.json = json;
    }

    record EnrolRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,63}$", message = "must be a workflow definition id")
            String definitionId) {}

    record StatusRequest(
            @NotNull @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            String status,

            @Size(max = 2000) String note) {}

    record DataRequest(@NotNull JsonNode responses) {}

    @Responds(
            value = 201,
            accepted = true,
            errors = {400, 404, 409})
    @PostMapping("/api/v1/guests/{guestId}/workflow")
    ResponseEntity<WorkflowViews.Dashboard> enrol(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String guestId,
            @Valid @RequestBody EnrolRequest request) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_MANAGE);
        String guest = WorkflowIds.guest(guestId);
        send(caller, guest, new EnrollGuest(request.definitionId(), latest(caller, request.definitionId())), prefer);
        return ResponseEntity.created(URI.create(ResourceLocations.of("guest_workflow", guest)))
                .body(findDashboard(caller, guest));
    }

    /** The tenant's guests for a coordinator, newest enrolment first, filtered by status and definition. */
    @Responds(errors = 400)
    @GetMapping("/api/v1/guests")
    List<WorkflowViews.GuestSummary> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(name = "definition_id", required = false) String definitionId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_READ_ALL);
        Paging.check(page, size);
        if (status != null && !status.matches(STATUSES)) {
            throw new InvalidRequestException("status", "must be one of " + STATUSES);
        }
        return workflows.guests(
                caller.tenantId(),
                status,
                definitionId == null ? null : WorkflowIds.definition(definitionId),
                page,
                size);
    }

    @Responds(errors = 404)
    @GetMapping("/api/v1/guests/{guestId}/dashboard")
    WorkflowViews.Dashboard dashboard(@AuthenticationPrincipal Caller caller, @PathVariable String guestId) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_READ, Permissions.WORKFLOWS_READ_ALL);
        String guest = WorkflowIds.guest(guestId);
        WorkflowViews.Dashboard dashboard = findDashboard(caller, guest);
        if (!isOwn(caller, guest) && !caller.has(Permissions.WORKFLOWS_READ_ALL)) {
            throw new ForbiddenException("guest_id", "Only the guest, or a holder of workflows:read_all, may read it");
        }
        return dashboard;
    }

    /** Moves a task; answers with the whole dashboard, since a completion unlocks what comes next. */
    @Responds(
            accepted = true,
            errors = {400, 404, 409})
    @PostMapping("/api/v1/guests/{guestId}/tasks/{taskId}/status")
    WorkflowViews.Dashboard changeStatus(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String guestId,
            @PathVariable String taskId,
            @Valid @RequestBody StatusRequest request) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_UPDATE, Permissions.WORKFLOWS_REVIEW);
        String guest = WorkflowIds.guest(guestId);
        String task = WorkflowIds.task(taskId);
        requireEnrolled(caller, guest);
        boolean asGuest = isOwn(caller, guest) && caller.has(Permissions.WORKFLOWS_UPDATE);
        boolean asReviewer = caller.has(Permissions.WORKFLOWS_REVIEW);
        if (!asGuest && !asReviewer) {
            throw new ForbiddenException("guest_id", "Only the guest, or a reviewer, may move the guest's tasks");
        }
        var status = WorkflowStatus.valueOf(request.status().toUpperCase(Locale.ROOT));
        send(caller, guest, new ChangeTaskStatus(task, status, request.note(), asGuest, asReviewer), prefer);
        return findDashboard(caller, guest);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409})
    @PutMapping("/api/v1/guests/{guestId}/tasks/{taskId}/data")
    WorkflowViews.TaskData submitData(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String guestId,
            @PathVariable String taskId,
            @Valid @RequestBody DataRequest request) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_UPDATE);
        String guest = WorkflowIds.guest(guestId);
        String task = WorkflowIds.task(taskId);
        if (!request.responses().isObject()) {
            throw new InvalidRequestException("responses", "must be a JSON object");
        }
        String responses = json.writeValueAsString(request.responses());
        if (responses.length() > MAX_RESPONSES_CHARS) {
            throw new InvalidRequestException(
                    "responses", "must be at most " + MAX_RESPONSES_CHARS + " characters of JSON");
        }
        requireEnrolled(caller, guest);
        if (!isOwn(caller, guest)) {
            throw new ForbiddenException("guest_id", "Only the guest may submit their task data");
        }
        send(caller, guest, new SubmitTaskData(task, responses), prefer);
        return taskData(caller, guest, task);
    }

    @Responds(errors = 404)
    @GetMapping("/api/v1/guests/{guestId}/tasks/{taskId}/data")
    WorkflowViews.TaskData getData(
            @AuthenticationPrincipal Caller caller, @PathVariable String guestId, @PathVariable String taskId) {
        Permissions.requireAny(
                caller, Permissions.WORKFLOWS_READ, Permissions.WORKFLOWS_READ_ALL, Permissions.WORKFLOWS_REVIEW);
        String guest = WorkflowIds.guest(guestId);
        WorkflowViews.TaskData data = taskData(caller, guest, WorkflowIds.task(taskId));
        boolean coordinator = caller.has(Permissions.WORKFLOWS_READ_ALL) || caller.has(Permissions.WORKFLOWS_REVIEW);
        if (!isOwn(caller, guest) && !coordinator) {
            throw new ForbiddenException("guest_id", "Only the guest, or a coordinator, may read the guest's data");
        }
        return data;
    }

    /** Removes the guest's workflow, statuses and data; a later enrolment starts clean. */
    @Responds(value = 204, accepted = true, errors = 404)
    @DeleteMapping("/api/v1/guests/{guestId}/workflow")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String guestId) {
        Permissions.requireAny(caller, Permissions.WORKFLOWS_MANAGE);
        String guest = WorkflowIds.guest(guestId);
        requireEnrolled(caller, guest);
        send(caller, guest, new DeleteGuestWorkflow(), prefer);
        return ResponseEntity.noContent().build();
    }

    /**
     * The definition's latest version as the read model holds it. The command carries it, so that an enrolment right
     * after a {@code PUT} of the definition enrols on what that {@code PUT} stored.
     */
    private WorkflowDefinition latest(Caller caller, String definitionId) {
        WorkflowViews.Definition definition = workflows
                .definition(caller.tenantId(), definitionId, null)
                .orElseThrow(() -> new NotFoundException("Workflow definition", definitionId));
        var groups = List.of(json.treeToValue(definition.groups(), DefinitionGroups.GroupRequest[].class));
        return new WorkflowDefinition(
                caller.tenantId(),
                definitionId,
                definition.version(),
                DefinitionGroups.avro(groups),
                definition.updatedBy(),
                definition.updatedAt());
    }

    private WorkflowViews.Dashboard findDashboard(Caller caller, String guest) {
        return workflows.dashboard(caller.tenantId(), guest).orElseThrow(() -> notEnrolled(guest));
    }

    /** The task's data; when there is none, a 404 that says whether the guest or the task is missing. */
    private WorkflowViews.TaskData taskData(Caller caller, String guest, String task) {
        return workflows.taskData(caller.tenantId(), guest, task).orElseThrow(() -> {
            requireEnrolled(caller, guest);
            return new NotFoundException("Task", task);
        });
    }

    private void requireEnrolled(Caller caller, String guest) {
        if (!workflows.enrolled(caller.tenantId(), guest)) {
            throw notEnrolled(guest);
        }
    }

    private static NotFoundException notEnrolled(String guest) {
        return new NotFoundException("Guest workflow", guest);
    }

    private static boolean isOwn(Caller caller, String guest) {
        return caller.userId().equals(guest);
    }

    private void send(Caller caller, String guest, Object payload, Prefer prefer) {
        commands.send(
                caller,
                topics.workflowCommands,
                Keys.of(caller.tenantId(), guest),
                metadata -> new WorkflowCommand(metadata, guest, payload),
                prefer);
    }
}
