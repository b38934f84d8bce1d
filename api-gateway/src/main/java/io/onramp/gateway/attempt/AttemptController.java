package io.onramp.gateway.attempt;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Ids;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.ForbiddenException;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.AttemptCommand;
import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.ChangeAttemptStatus;
import io.onramp.schemas.ContinueAttempt;
import io.onramp.schemas.DeleteAttempt;
import io.onramp.schemas.Keys;
import io.onramp.schemas.StartAttempt;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attempts (seeds/000): started only where the ACCESS table or the interview allows it, decided in the access-worker.
 * Another tenant's attempt is a 404; another user's, without {@code interviews:read_all}, a 403 "Access denied".
 */
@Tag(name = "Attempts", description = "Interview attempts: start, continue, complete, export")
@RestController
class AttemptController {

    /** An export is one file: past this many rows, filter by interview or status. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private final CommandBus commands;
    private final Topics topics;
    private final AttemptReadModel attempts;

    AttemptController(CommandBus commands, Topics topics, AttemptReadModel attempts) {
        this.commands = commands;
        this.topics = topics;
        this.attempts = attempts;
    }

    record StatusChange(
            @NotNull @Pattern(regexp = "completed|archived", message = "must be completed or archived")
            String status) {}

    @Responds(
            value = 201,
            accepted = true,
            errors = {400, 404})
    @PostMapping("/api/v1/interviews/{interviewId}/attempts")
    ResponseEntity<AttemptView> start(
            @AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String interviewId) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_CREATE);
        String attemptId = UUID.randomUUID().toString();
        send(
                caller,
                caller.userId(),
                new StartAttempt(attemptId, Ids.requireUuid("interview_id", interviewId)),
                prefer);
        return ResponseEntity.created(URI.create(ResourceLocations.of("attempt", attemptId)))
                .body(find(caller, attemptId));
    }

    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/attempts/{attemptId}")
    AttemptView get(@AuthenticationPrincipal Caller caller, @PathVariable String attemptId) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_READ);
        return ownedOrReadable(caller, find(caller, Ids.requireUuid("attempt_id", attemptId)));
    }

    @Responds(errors = 400)
    @GetMapping("/api/v1/attempts")
    List<AttemptView> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(name = "interview_id", required = false) String interviewId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_READ);
        Paging.check(page, size);
        if (status != null
                && !List.of("in_progress", "completed", "archived", "expired").contains(status)) {
            throw new InvalidRequestException("status", "must be in_progress, completed, archived or expired");
        }
        String owner = seesEveryAttempt(caller) ? null : caller.userId();
        String interview = interviewId == null ? null : Ids.requireUuid("interview_id", interviewId);
        return attempts.list(caller.tenantId(), owner, interview, status, page, size);
    }

    record ExportRequest(
            @NotNull @Pattern(regexp = "csv|pdf", message = "must be csv or pdf")
            String format,

            @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID")
            String interviewId,

            @Pattern(
                    regexp = "in_progress|completed|archived|expired",
                    message = "must be in_progress, completed, archived or expired")
            String status) {}

    /** Own attempts, or the tenant's with {@code interviews:read_all}, as a file to download. */
    @Responds(
            errors = 400,
            mediaTypes = {"text/csv", "application/pdf"})
    @PostMapping("/api/v1/attempts/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ExportRequest request) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_EXPORT);
        String owner = seesEveryAttempt(caller) ? null : caller.userId();
        String interview =
                request.interviewId() == null ? null : request.interviewId().toLowerCase(Locale.ROOT);
        List<AttemptView> rows =
                attempts.list(caller.tenantId(), owner, interview, request.status(), 0, MAX_EXPORT_ROWS);
        boolean csv = request.format().equals("csv");
        byte[] body = csv
                ? AttemptExports.csv(rows)
                : AttemptExports.pdf(rows, "Attempts of " + (owner == null ? caller.tenantId() : owner));
        return ResponseEntity.ok()
                .contentType(csv ? MediaType.parseMediaType("text/csv; charset=UTF-8") : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attempts." + request.format() + "\"")
                .body(body);
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409})
    @PostMapping("/api/v1/attempts/{attemptId}/continue")
    AttemptView resume(@AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String attemptId) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_CREATE);
        AttemptView attempt = ownAttempt(caller, attemptId, "continue");
        send(caller, attempt.userId(), new ContinueAttempt(attempt.id()), prefer);
        return find(caller, attempt.id());
    }

    @Responds(
            accepted = true,
            errors = {400, 404, 409})
    @PatchMapping("/api/v1/attempts/{attemptId}")
    AttemptView changeStatus(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String attemptId,
            @Valid @RequestBody StatusChange change) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_UPDATE);
        AttemptView attempt = ownedOrReadable(caller, find(caller, Ids.requireUuid("attempt_id", attemptId)));
        var status = AttemptStatus.valueOf(change.status().toUpperCase(Locale.ROOT));
        send(caller, attempt.userId(), new ChangeAttemptStatus(attempt.id(), status), prefer);
        return find(caller, attempt.id());
    }

    @Responds(
            value = 204,
            accepted = true,
            errors = {400, 404, 409})
    @DeleteMapping("/api/v1/attempts/{attemptId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String attemptId) {
        Permissions.requireAny(caller, Permissions.INTERVIEWS_DELETE);
        AttemptView attempt = ownAttempt(caller, attemptId, "delete");
        send(caller, attempt.userId(), new DeleteAttempt(attempt.id()), prefer);
        return ResponseEntity.noContent().build();
    }

    private AttemptView find(Caller caller, String attemptId) {
        return attempts.find(caller.tenantId(), attemptId)
                .orElseThrow(() -> new NotFoundException("Attempt", attemptId));
    }

    /** The caller's own attempt: another tenant's or a missing one is a 404, another user's a 403. */
    private AttemptView ownAttempt(Caller caller, String attemptId, String action) {
        AttemptView attempt = find(caller, Ids.requireUuid("attempt_id", attemptId));
        if (!attempt.userId().equals(caller.userId())) {
            throw new ForbiddenException("id", "Only the owner may " + action + " an attempt");
        }
        return attempt;
    }

    private static boolean seesEveryAttempt(Caller caller) {
        return caller.permissions().contains(Permissions.INTERVIEWS_READ_ALL);
    }

    private static AttemptView ownedOrReadable(Caller caller, AttemptView attempt) {
        if (!attempt.userId().equals(caller.userId()) && !seesEveryAttempt(caller)) {
            throw new ForbiddenException("id", "Not your attempt");
        }
        return attempt;
    }

    private void send(Caller caller, String owner, Object payload, Prefer prefer) {
        commands.send(
                caller,
                topics.attemptCommands,
                Keys.of(caller.tenantId(), owner),
                metadata -> new AttemptCommand(metadata, owner, payload),
                prefer);
    }
}
