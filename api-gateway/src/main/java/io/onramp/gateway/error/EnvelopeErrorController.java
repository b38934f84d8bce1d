package io.onramp.gateway.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers, in the error envelope, what the servlet container sends to {@code /error}: failures raised before any
 * controller runs, such as a URL the security firewall rejects ({@code //}, encoded slashes). Asked for directly, by
 * any method, {@code /error} is no endpoint: a 404.
 */
@RestController
class EnvelopeErrorController implements ErrorController {

    private final EnvelopeWriter writer;

    EnvelopeErrorController(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(attribute instanceof Integer code)) {
            writer.write(response, ErrorEnvelope.of(404, "Not found", "path", "no such endpoint"));
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String message = status == null ? "Error" : status.getReasonPhrase();
        writer.write(response, ErrorEnvelope.of(code, message, "request", message));
    }
}
