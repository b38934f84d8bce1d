package io.onramp.gateway.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.onramp.gateway.error.ErrorEnvelope;
import io.onramp.schemas.CommandOutcome;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What {@code GET /api/v1/requests/{id}} answers: {@code pending} until a worker has recorded the outcome, then the
 * HTTP status the command would have had, where its resource lives, and any field errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStatus(
        String requestId,
        String status,
        String outcome,
        Integer httpStatus,
        String location,
        String message,

        @ArraySchema(schema = @Schema(implementation = ErrorEnvelope.Item.class)) @JsonRawValue
        String errors,

        Instant completedAt) {

    static RequestStatus pending(String requestId) {
        return new RequestStatus(requestId, "pending", null, null, null, null, null, null);
    }

    static RequestStatus completed(
            String requestId,
            String outcome,
            String resourceType,
            String resourceId,
            String message,
            String errors,
            Instant completedAt) {
        int status = CommandRejectedException.status(CommandOutcome.valueOf(outcome));
        String location = status < 400 ? ResourceLocations.of(resourceType, resourceId) : null;
        return new RequestStatus(requestId, "completed", outcome, status, location, message, errors, completedAt);
    }
}
