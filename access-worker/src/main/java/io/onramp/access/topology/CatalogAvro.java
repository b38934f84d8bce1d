package io.onramp.access.topology;

import io.onramp.access.domain.Decision;
import io.onramp.access.domain.Interview;
import io.onramp.access.domain.InterviewSpec;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.FieldError;
import io.onramp.schemas.InterviewDefinition;
import java.util.List;

/** Translates between the Avro contracts and the catalogue's domain records. */
final class CatalogAvro {

    static final String RESOURCE_TYPE = "interview";

    private CatalogAvro() {}

    static InterviewSpec spec(CreateInterview command) {
        return new InterviewSpec(
                command.getTitle(),
                command.getDescription(),
                command.getDurationSeconds(),
                command.getIsDefaultAccessAllowed(),
                command.getShouldEndInterviewAfterDuration());
    }

    static Interview interview(InterviewDefinition definition) {
        return new Interview(
                definition.getTenantId(),
                definition.getInterviewId(),
                new InterviewSpec(
                        definition.getTitle(),
                        definition.getDescription(),
                        definition.getDurationSeconds(),
                        definition.getIsDefaultAccessAllowed(),
                        definition.getShouldEndInterviewAfterDuration()),
                definition.getVersion(),
                definition.getCreatedBy(),
                definition.getCreatedAt(),
                definition.getUpdatedAt());
    }

    static InterviewDefinition definition(Interview interview) {
        var spec = interview.spec();
        return InterviewDefinition.newBuilder()
                .setTenantId(interview.tenantId())
                .setInterviewId(interview.interviewId())
                .setTitle(spec.title())
                .setDescription(spec.description())
                .setDurationSeconds(spec.durationSeconds())
                .setIsDefaultAccessAllowed(spec.defaultAccessAllowed())
                .setShouldEndInterviewAfterDuration(spec.endsAfterDuration())
                .setVersion(interview.version())
                .setCreatedBy(interview.createdBy())
                .setCreatedAt(interview.createdAt())
                .setUpdatedAt(interview.updatedAt())
                .build();
    }

    static AccessOutcome outcome(CommandMetadata metadata, String interviewId, Decision decision) {
        var reply = CommandReply.newBuilder()
                .setRequestId(metadata.getRequestId())
                .setTenantId(metadata.getTenantId())
                .setResourceType(RESOURCE_TYPE)
                .setResourceId(interviewId);
        if (decision instanceof Decision.Accepted accepted) {
            return AccessOutcome.newBuilder()
                    .setReply(reply.setOutcome(accepted.created() ? CommandOutcome.CREATED : CommandOutcome.ACCEPTED)
                            .setVersion(accepted.interview().version())
                            .build())
                    .setChange(definition(accepted.interview()))
                    .build();
        }
        var rejected = (Decision.Rejected) decision;
        return AccessOutcome.newBuilder()
                .setReply(reply.setOutcome(outcome(rejected.reason()))
                        .setMessage(rejected.message())
                        .setErrors(errors(rejected))
                        .build())
                .build();
    }

    private static CommandOutcome outcome(Decision.Reason reason) {
        return switch (reason) {
            case INVALID -> CommandOutcome.REJECTED_INVALID;
            case CONFLICT -> CommandOutcome.REJECTED_CONFLICT;
            case NOT_FOUND -> CommandOutcome.REJECTED_NOT_FOUND;
        };
    }

    private static List<FieldError> errors(Decision.Rejected rejected) {
        return rejected.violations().stream()
                .map(v -> new FieldError(v.field(), v.error()))
                .toList();
    }
}
