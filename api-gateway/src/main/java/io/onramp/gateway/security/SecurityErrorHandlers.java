package io.onramp.gateway.security;

import io.onramp.gateway.error.EnvelopeWriter;
import io.onramp.gateway.error.ErrorEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The 401 and 403 answers of the security filters, in the error envelope and audited. A missing, expired or badly
 * signed token is a 401; a valid token that grants no permission at all is a 403.
 */
@Component
public class SecurityErrorHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final EnvelopeWriter writer;
    private final DenialAudit audit;

    SecurityErrorHandlers(EnvelopeWriter writer, DenialAudit audit) {
        this.writer = writer;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = request.getHeader("Authorization") == null ? "Missing bearer token" : "Invalid bearer token";
        audit.record(request, 401, null, reason + ": " + exception.getMessage());
        response.setHeader("WWW-Authenticate", "Bearer");
        writer.write(response, ErrorEnvelope.of(401, "Authentication required", "authorization", reason));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        audit.record(request, 403, null, "Token grants no permissions");
        writer.write(
                response,
                ErrorEnvelope.of(
                        403,
                        "Insufficient permissions",
                        List.of(new ErrorEnvelope.Item("permissions", "Token grants no permissions", held()))));
    }

    private static Set<String> held() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? caller.permissions()
                : Set.of();
    }
}
