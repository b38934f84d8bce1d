package io.onramp.gateway.access;

import io.onramp.gateway.command.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/** {@code POST|DELETE /api/v1/access}: one user, up to 10,000 interview ids (duplicates allowed, they collapse). */
record AccessRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "^[^/]+$", message = "must not contain '/'")
        String userId,

        @NotNull @Size(min = 1, max = 10_000)
        List<@NotNull @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String> interviewIds) {

    List<String> normalisedIds() {
        return interviewIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
    }
}
