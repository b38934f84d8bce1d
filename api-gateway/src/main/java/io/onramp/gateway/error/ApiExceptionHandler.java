package io.onramp.gateway.error;

import io.onramp.gateway.command.CommandPendingException;
import io.onramp.gateway.command.CommandRejectedException;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.security.DenialAudit;
import io.onramp.gateway.security.MissingPermissionException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/** Maps every failure of a request to one status and the error envelope; nothing a client sends yields a 5xx. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DenialAudit audit;

    ApiExceptionHandler(DenialAudit audit) {
        this.audit = audit;
    }

    @ExceptionHandler(MissingPermissionException.class)
    ResponseEntity<ErrorEnvelope> missingPermission(MissingPermissionException e, HttpServletRequest request) {
        audit.record(request, 403, e.required(), e.getMessage());
        return answer(ErrorEnvelope.of(
                403,
                "Insufficient permissions",
                List.of(new ErrorEnvelope.Item("permissions", e.getMessage(), e.held()))));
    }

    @ExceptionHandler(CommandRejectedException.class)
    ResponseEntity<ErrorEnvelope> rejected(CommandRejectedException e, HttpServletRequest request) {
        if (e.status() == 403) {
            audit.record(request, 403, null, e.getMessage());
        }
        return answer(ErrorEnvelope.of(e.status(), e.getMessage(), e.errors()));
    }

    /** Not an error: the command was accepted and is still being decided. */
    @ExceptionHandler(CommandPendingException.class)
    ResponseEntity<RequestStatusLink> pending(CommandPendingException e) {
        String location = ResourceLocations.request(e.requestId());
        return ResponseEntity.accepted()
                .location(URI.create(location))
                .body(new RequestStatusLink(e.requestId(), "pending", location));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ErrorEnvelope> forbidden(ForbiddenException e, HttpServletRequest request) {
        audit.record(request, 403, null, e.getMessage());
        return answer(ErrorEnvelope.of(403, "Access denied", e.field(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorEnvelope> notFound(NotFoundException e) {
        return answer(ErrorEnvelope.of(404, e.getMessage(), e.field(), "not found"));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ErrorEnvelope> preconditionRequired(PreconditionRequiredException e) {
        return answer(ErrorEnvelope.of(428, "Precondition required", "If-Match", e.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ErrorEnvelope> invalid(InvalidRequestException e) {
        return answer(ErrorEnvelope.of(400, "Validation failed", e.errors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalidBody(MethodArgumentNotValidException e) {
        var items = e.getBindingResult().getFieldErrors().stream()
                .map(error -> ErrorEnvelope.Item.of(JsonNames.of(error.getField()), error.getDefaultMessage()))
                .toList();
        return answer(ErrorEnvelope.of(400, "Validation failed", items));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException wrongValue
                && !wrongValue.getPath().isEmpty()) {
            return answer(ErrorEnvelope.of(
                    400, "Validation failed", JsonNames.path(wrongValue), "has the wrong type or format"));
        }
        return answer(ErrorEnvelope.of(
                400, "Malformed request body", "body", "must be a JSON object of the documented shape"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(ErrorEnvelope.of(400, "Validation failed", JsonNames.of(e.getName()), "has the wrong type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
        return answer(ErrorEnvelope.of(400, "Validation failed", e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e) {
        return answer(ErrorEnvelope.of(400, "Validation failed", e.getHeaderName(), "is required"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorEnvelope> noSuchPath(NoResourceFoundException e) {
        return answer(ErrorEnvelope.of(404, "Not found", "path", "no such endpoint"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return answer(ErrorEnvelope.of(405, "Method not allowed", "method", e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ErrorEnvelope.of(415, "Unsupported media type", "content_type", "must be application/json"));
    }

    /** Only a fault of the platform lands here; it is logged in full and answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(ErrorEnvelope.of(500, "Internal error", List.of()));
    }

    private static ResponseEntity<ErrorEnvelope> answer(ErrorEnvelope envelope) {
        return ResponseEntity.status(HttpStatus.valueOf(envelope.code())).body(envelope);
    }
}
