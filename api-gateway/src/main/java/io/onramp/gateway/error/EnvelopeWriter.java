package io.onramp.gateway.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error envelope straight to the response, for answers given before any controller runs (security). */
@Component
public class EnvelopeWriter {

    private final JsonMapper json;

    EnvelopeWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorEnvelope envelope) throws IOException {
        response.setStatus(envelope.code());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), envelope);
    }
}
