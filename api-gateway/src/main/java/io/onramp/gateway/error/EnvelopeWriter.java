package io.onramp.gateway.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error envelope straight to the response as JSON: for answers given before any controller runs
 * (security, the edge filter), and for every error, so that no {@code Accept} header can leave it without a body.
 */
@Component
public class EnvelopeWriter {

    private final JsonMapper json;

    EnvelopeWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorEnvelope envelope) throws IOException {
        write(response, envelope.code(), envelope);
    }

    /** Any body as JSON with this status, whatever the request's {@code Accept} said. */
    public void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
