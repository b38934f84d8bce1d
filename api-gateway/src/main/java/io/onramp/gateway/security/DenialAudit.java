package io.onramp.gateway.security;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.AuditEvent;
import io.onramp.schemas.Topics;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Every 401 and 403 is logged and published to the {@code audit} topic, with who, where and why. */
@Component
public class DenialAudit {

    private static final Logger log = LoggerFactory.getLogger(DenialAudit.class);

    private final RecordPublisher publisher;
    private final Topics topics;

    DenialAudit(RecordPublisher publisher, Topics topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    public void record(HttpServletRequest request, int status, String permission, String reason) {
        Caller caller = currentCaller();
        String user = caller == null ? null : caller.userId();
        String tenant = caller == null ? null : caller.tenantId();
        log.warn(
                "Denied {} {} {}: user={} tenant={} permission={} reason={}",
                status,
                request.getMethod(),
                request.getRequestURI(),
                user,
                tenant,
                permission,
                reason);
        var event = AuditEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setStatus(status)
                .setUserId(user)
                .setTenantId(tenant)
                .setRequiredPermission(permission)
                .setMethod(request.getMethod())
                .setPath(request.getRequestURI())
                .setReason(reason)
                .build();
        publisher.publishAsync(topics.audit, tenant == null ? "anonymous" : tenant, event);
    }

    private static Caller currentCaller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }
}
