package io.onramp.access.topology;

import io.onramp.access.domain.Attempt;
import io.onramp.schemas.AttemptStatus;

/** Translates between the Avro contracts and the domain's attempts. */
final class AttemptAvro {

    static final String RESOURCE_TYPE = "attempt";

    private AttemptAvro() {}

    static Attempt attempt(io.onramp.schemas.Attempt avro) {
        return new Attempt(
                avro.getTenantId(),
                avro.getAttemptId(),
                avro.getInterviewId(),
                avro.getUserId(),
                Attempt.Status.valueOf(avro.getStatus().name()),
                avro.getStartDatetime(),
                avro.getScheduledEndDatetime(),
                avro.getEndDatetime(),
                avro.getDeleted(),
                avro.getVersion(),
                avro.getUpdatedAt());
    }

    static io.onramp.schemas.Attempt avro(Attempt attempt) {
        return io.onramp.schemas.Attempt.newBuilder()
                .setTenantId(attempt.tenantId())
                .setAttemptId(attempt.attemptId())
                .setInterviewId(attempt.interviewId())
                .setUserId(attempt.userId())
                .setStatus(AttemptStatus.valueOf(attempt.status().name()))
                .setStartDatetime(attempt.start())
                .setScheduledEndDatetime(attempt.scheduledEnd())
                .setEndDatetime(attempt.end())
                .setDeleted(attempt.deleted())
                .setVersion(attempt.version())
                .setUpdatedAt(attempt.updatedAt())
                .build();
    }

    static Attempt.Status status(AttemptStatus status) {
        return Attempt.Status.valueOf(status.name());
    }
}
