package io.onramp.gateway.interview;

import io.onramp.gateway.command.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/interviews}: the shape is checked here, the catalogue's rules again by the access-worker. */
record CreateInterviewRequest(
        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID")
        String id,

        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull @Positive @Max(604_800) Integer durationSeconds,
        @Valid Config config) {

    record Config(Boolean isDefaultAccessAllowed, Boolean shouldEndInterviewAfterDuration) {}

    boolean defaultAccessAllowed() {
        return config != null && Boolean.TRUE.equals(config.isDefaultAccessAllowed());
    }

    boolean endsAfterDuration() {
        return config != null && Boolean.TRUE.equals(config.shouldEndInterviewAfterDuration());
    }
}
