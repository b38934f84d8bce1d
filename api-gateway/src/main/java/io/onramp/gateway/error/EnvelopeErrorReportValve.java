package io.onramp.gateway.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers on its own, before any filter runs (a request line or path it cannot decode, a header with a
 * control character, headers over the size limit), in the error envelope rather than Tomcat's HTML page. Headers over
 * the limit are a 431.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 400
                && throwable != null
                && String.valueOf(throwable.getMessage()).contains("header is too large")) {
            status = 431;
            response.setStatus(status);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String message = known == null ? "Error" : known.getReasonPhrase();
        String field = status == 431 ? "headers" : "request";
        String error =
                status == 431 ? "are larger than the server accepts" : "cannot be read as an HTTP request to this API";
        String body = "{\"status\":\"error\",\"code\":" + status + ",\"message\":\"" + message
                + "\",\"errors\":[{\"field\":\"" + field + "\",\"error\":\"" + error + "\"}]}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }
}
