package io.onramp.gateway.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers, in the error envelope, what the servlet container sends to {@code /error}: failures raised before any
 * controller runs, such as a URL the security firewall rejects ({@code //}, encoded slashes).
 */
@RestController
class EnvelopeErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = attribute instanceof Integer status ? status : 500;
        HttpStatus status = HttpStatus.resolve(code);
        String message = status == null ? "Error" : status.getReasonPhrase();
        return ResponseEntity.status(code).body(ErrorEnvelope.of(code, message, "request", message));
    }
}
