package io.onramp.gateway.interview;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Ids;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import io.onramp.schemas.UpdateInterview;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's interview catalogue: defined through the access-worker, read from its projection. */
@Tag(name = "Interviews", description = "The tenant's interview catalogue")
@RestController
@RequestMapping("/api/v1/interviews")
class InterviewController {

    private final CommandBus commands;
    private final Topics topics;
    private final InterviewReadModel interviews;

    InterviewController(CommandBus commands, Topics topics, InterviewReadModel interviews) {
        this.commands = commands;
        this.topics = topics;
        this.interviews = interviews;
    }

    @Responds(
            value = 201,
            accepted = true,
            errors = {400, 409})
    @PostMapping
    ResponseEntity<InterviewView> create(
            @AuthenticationPrincipal Caller caller, Prefer prefer, @Valid @RequestBody CreateInterviewRequest request) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_MANAGE);
        String interviewId = request.id() == null ? UUID.randomUUID().toString() : Ids.requireUuid("id", request.id());
        var payload = CreateInterview.newBuilder()
                .setInterviewId(interviewId)
                .setTitle(request.title().strip())
                .setDescription(request.description())
                .setDurationSeconds(request.durationSeconds())
                .setIsDefaultAccessAllowed(request.defaultAccessAllowed())
                .setShouldEndInterviewAfterDuration(request.endsAfterDuration())
                .build();
        send(caller, interviewId, payload, prefer);
        return ResponseEntity.created(URI.create(ResourceLocations.of("interview", interviewId)))
                .body(find(caller, interviewId));
    }

    @Responds(
            accepted = true,
            errors = {400, 404})
    @PutMapping("/{interviewId}")
    InterviewView update(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String interviewId,
            @Valid @RequestBody CreateInterviewRequest request) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_MANAGE);
        String id = Ids.requireUuid("interview_id", interviewId);
        if (request.id() != null && !request.id().equalsIgnoreCase(id)) {
            throw new InvalidRequestException("id", "must match the path, or be left out");
        }
        var payload = UpdateInterview.newBuilder()
                .setInterviewId(id)
                .setTitle(request.title().strip())
                .setDescription(request.description())
                .setDurationSeconds(request.durationSeconds())
                .setIsDefaultAccessAllowed(request.defaultAccessAllowed())
                .setShouldEndInterviewAfterDuration(request.endsAfterDuration())
                .build();
        send(caller, id, payload, prefer);
        return find(caller, id);
    }

    @Responds(errors = 400)
    @GetMapping
    List<InterviewView> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_READ, Permissions.INTERVIEWS_MANAGE);
        Paging.check(page, size);
        return interviews.page(caller.tenantId(), page, size);
    }

    @Responds(errors = {400, 404})
    @GetMapping("/{interviewId}")
    InterviewView get(@AuthenticationPrincipal Caller caller, @PathVariable String interviewId) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_READ, Permissions.INTERVIEWS_MANAGE);
        return find(caller, Ids.requireUuid("interview_id", interviewId));
    }

    private InterviewView find(Caller caller, String interviewId) {
        return interviews
                .find(caller.tenantId(), interviewId)
                .orElseThrow(() -> new NotFoundException("Interview", interviewId));
    }

    /** A catalogue command on one interview, keyed by it so its commands are decided in order. */
    private void send(Caller caller, String interviewId, Object payload, Prefer prefer) {
        commands.send(
                caller,
                topics.interviewCommands,
                Keys.of(caller.tenantId(), interviewId),
                metadata -> new InterviewCommand(metadata, payload),
                prefer);
    }
}
