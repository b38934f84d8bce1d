package io.onramp.gateway.error;

import io.onramp.gateway.command.CommandPendingException;
import io.onramp.gateway.command.CommandRejectedException;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.security.DenialAudit;
import io.onramp.gateway.security.MissingPermissionException;
import io.onramp.platform.SchemaRegistryUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/** Maps every failure of a request to one status and the error envelope; nothing a client sends yields a 5xx. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DenialAudit audit;
    private final EnvelopeWriter writer;

    ApiExceptionHandler(DenialAudit audit, EnvelopeWriter writer) {
        this.audit = audit;
        this.writer = writer;
    }

    @ExceptionHandler(MissingPermissionException.class)
    void missingPermission(MissingPermissionException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        audit.record(request, 403, e.required(), e.getMessage());
        answer(
                response,
                ErrorEnvelope.of(
                        403,
                        "Insufficient permissions",
                        List.of(new ErrorEnvelope.Item("permissions", e.getMessage(), e.held()))));
    }

    @ExceptionHandler(CommandRejectedException.class)
    void rejected(CommandRejectedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.status() == 403) {
            audit.record(request, 403, null, e.getMessage());
        }
        answer(response, ErrorEnvelope.of(e.status(), e.getMessage(), e.errors()));
    }

    /**
     * Not an error: the command was accepted and is still being decided. Written as JSON whatever {@code Accept} says,
     * like the errors: the command is on its way either way, and the client must learn where to ask.
     */
    @ExceptionHandler(CommandPendingException.class)
    void pending(CommandPendingException e, HttpServletResponse response) throws IOException {
        String location = ResourceLocations.request(e.requestId());
        response.setHeader(HttpHeaders.LOCATION, location);
        writer.write(response, 202, new RequestStatusLink(e.requestId(), "pending", location));
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        audit.record(request, 403, null, e.getMessage());
        answer(response, ErrorEnvelope.of(403, "Access denied", e.field(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(404, e.getMessage(), e.field(), "not found"));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    void preconditionRequired(PreconditionRequiredException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(428, "Precondition required", "If-Match", e.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    void invalid(InvalidRequestException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(400, "Validation failed", e.errors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    void invalidBody(MethodArgumentNotValidException e, HttpServletResponse response) throws IOException {
        var items = e.getBindingResult().getFieldErrors().stream()
                .map(error -> ErrorEnvelope.Item.of(JsonNames.of(error.getField()), error.getDefaultMessage()))
                .toList();
        answer(response, ErrorEnvelope.of(400, "Validation failed", items));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadableBody(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
        if (e.getCause() instanceof DatabindException refused
                && !refused.getPath().isEmpty()
                && String.valueOf(refused.getOriginalMessage()).endsWith(ControlCharacters.REFUSAL)) {
            answer(
                    response,
                    ErrorEnvelope.of(400, "Validation failed", JsonNames.path(refused), ControlCharacters.REFUSAL));
            return;
        }
        if (e.getCause() instanceof DatabindException wrongValue
                && !wrongValue.getPath().isEmpty()) {
            answer(
                    response,
                    ErrorEnvelope.of(
                            400, "Validation failed", JsonNames.path(wrongValue), "has the wrong type or format"));
            return;
        }
        answer(
                response,
                ErrorEnvelope.of(
                        400, "Malformed request body", "body", "must be a JSON object of the documented shape"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(400, "Validation failed", JsonNames.of(e.getName()), "has the wrong type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(400, "Validation failed", e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    void missingHeader(MissingRequestHeaderException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(400, "Validation failed", e.getHeaderName(), "is required"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void noSuchPath(NoResourceFoundException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(404, "Not found", "path", "no such endpoint"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletResponse response) throws IOException {
        answer(
                response,
                ErrorEnvelope.of(405, "Method not allowed", "method", e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(415, "Unsupported media type", "content_type", "must be application/json"));
    }

    /** The client accepts no JSON: the answer would be JSON; this one is too. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(406, "Not acceptable", "accept", "answers are application/json"));
    }

    /**
     * Parameters Tomcat or the security firewall refuse when they are first read (a name that is empty or not
     * allowed, a chunk that does not parse), often from a form body sent where JSON was expected.
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    void unreadableParameters(RuntimeException e, HttpServletResponse response) throws IOException {
        answer(response, ErrorEnvelope.of(400, "Validation failed", "query", "has parameters that cannot be read"));
    }

    /** A multipart body (with or without its boundary) is no JSON object. */
    @ExceptionHandler(MultipartException.class)
    void multipart(MultipartException e, HttpServletResponse response) throws IOException {
        answer(response, RequestEdgeFilter.unsupported());
    }

    /**
     * A dependency that is down (DESIGN §8): PostgreSQL refusing connections or queries past the pool's bound, the
     * broker not acknowledging a command in time, or the schema registry not answering for a schema not cached yet. A 503 in the envelope with {@code Retry-After}, within seconds, never
     * a hang: a command answered so was not acknowledged, and the client may send it again.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class,
        KafkaException.class,
        org.springframework.kafka.KafkaException.class
    })
    void unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String dependency = e instanceof DataAccessException
                ? "the database"
                : e instanceof SchemaRegistryUnavailableException ? "the schema registry" : "the message broker";
        log.warn("{} {}: {} unavailable: {}", request.getMethod(), request.getRequestURI(), dependency, e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        answer(response, ErrorEnvelope.of(503, "Service unavailable: " + dependency + " is not answering", List.of()));
    }

    /** Only a fault of the platform lands here; it is logged in full and answered without internals. */
    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        answer(response, ErrorEnvelope.of(500, "Internal error", List.of()));
    }

    /**
     * Writes the envelope as JSON whatever the request's {@code Accept} says: an error is always answered in the one
     * shape clients can read, never as an empty body because the client asked for HTML.
     */
    private void answer(HttpServletResponse response, ErrorEnvelope envelope) throws IOException {
        writer.write(response, envelope);
    }
}
