package io.onramp.gateway.access;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.Keys;
import io.onramp.schemas.RevokeAccess;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk interview access: granted and revoked by the access-worker's ACCESS table, read from its projection. */
@Tag(name = "Access", description = "Which user may take which interview: bulk grants and revocations")
@RestController
@RequestMapping("/api/v1/access")
class AccessController {

    private final CommandBus commands;
    private final Topics topics;
    private final AccessReadModel access;

    AccessController(CommandBus commands, Topics topics, AccessReadModel access) {
        this.commands = commands;
        this.topics = topics;
        this.access = access;
    }

    record Granted(boolean success, int createdAccessCount) {}

    record Revoked(boolean success, int revokedAccessCount) {}

    record UserAccessView(String userId, List<String> interviewIds) {}

    @Responds(
            accepted = true,
            errors = {400, 404})
    @PostMapping
    Granted grant(@AuthenticationPrincipal Caller caller, Prefer prefer, @Valid @RequestBody AccessRequest request) {
        Permissions.requireAny(caller, Permissions.ACCESS_GRANT);
        return new Granted(
                true, send(caller, new GrantAccess(request.userId(), request.normalisedIds()), request, prefer));
    }

    @Responds(
            accepted = true,
            errors = {400, 404})
    @DeleteMapping
    Revoked revoke(@AuthenticationPrincipal Caller caller, Prefer prefer, @Valid @RequestBody AccessRequest request) {
        Permissions.requireAny(caller, Permissions.ACCESS_REVOKE);
        return new Revoked(
                true, send(caller, new RevokeAccess(request.userId(), request.normalisedIds()), request, prefer));
    }

    @Responds
    @GetMapping("/{userId}")
    UserAccessView read(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
        Permissions.requireAny(caller, Permissions.ACCESS_READ);
        return new UserAccessView(userId, access.interviewsOf(caller.tenantId(), userId));
    }

    private int send(Caller caller, Object payload, AccessRequest request, Prefer prefer) {
        var reply = commands.send(
                caller,
                topics.accessCommands,
                Keys.of(caller.tenantId(), request.userId()),
                metadata -> new AccessCommand(metadata, payload),
                prefer);
        return reply.getAffectedCount() == null ? 0 : reply.getAffectedCount();
    }
}
