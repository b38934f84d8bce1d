package io.onramp.gateway.command;

import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.security.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status of a command that outlived the gateway's wait. A request id nobody has recorded an outcome for is
 * {@code pending}: it may still be on its way, or it may never have been issued (or belong to another tenant).
 */
@Tag(name = "Requests", description = "The outcome of a command answered 202")
@RestController
class RequestsController {

    private final RequestOutcomes outcomes;

    RequestsController(RequestOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Responds(errors = {400, 404})
    @GetMapping("/api/v1/requests/{requestId}")
    RequestStatus status(@AuthenticationPrincipal Caller caller, @PathVariable String requestId) {
        return outcomes.find(caller.tenantId(), requestId).orElseGet(() -> RequestStatus.pending(requestId));
    }
}
