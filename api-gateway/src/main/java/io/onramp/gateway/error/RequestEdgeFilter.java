package io.onramp.gateway.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before security and any controller: what no endpoint can make sense of is
 * answered here in the envelope. A query parameter holding a control character (NUL included) or broken
 * percent-encoding is a 400 naming it; an {@code Accept} header that does not parse is a 400; a {@code Content-Type}
 * that does not parse or is a wildcard is a 415. Text inside JSON bodies is checked where it is read
 * ({@link ControlCharacters}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestEdgeFilter extends OncePerRequestFilter {

    private final EnvelopeWriter writer;

    RequestEdgeFilter(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorEnvelope refusal = refusal(request);
        if (refusal != null) {
            writer.write(response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    static ErrorEnvelope refusal(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                String name;
                String value;
                try {
                    name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                    value = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
                } catch (IllegalArgumentException e) {
                    return ErrorEnvelope.of(400, "Validation failed", "query", "is not valid percent-encoding");
                }
                if (name.isEmpty() && !pair.isEmpty()) {
                    return ErrorEnvelope.of(400, "Validation failed", "query", "has a parameter without a name");
                }
                if (ControlCharacters.in(name) || ControlCharacters.in(value)) {
                    return ErrorEnvelope.of(
                            400,
                            "Validation failed",
                            ControlCharacters.in(name) ? "query" : name,
                            ControlCharacters.REFUSAL);
                }
            }
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                return ErrorEnvelope.of(400, "Validation failed", "Accept", "is not a valid media type list");
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    return unsupported();
                }
            } catch (InvalidMediaTypeException e) {
                return unsupported();
            }
        }
        return null;
    }

    static ErrorEnvelope unsupported() {
        return ErrorEnvelope.of(415, "Unsupported media type", "content_type", "must be application/json");
    }
}
