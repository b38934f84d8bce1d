package io.onramp.access.topology;

import io.onramp.access.domain.Interview;
import io.onramp.access.domain.InterviewSpec;
import io.onramp.domain.Decision;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.UpdateInterview;

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

    static InterviewSpec spec(UpdateInterview command) {
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

    static AccessOutcome outcome(
            CommandMetadata metadata, String interviewId, Decision<Interview> decision, CommandOutcome success) {
        if (decision instanceof Decision.Accepted<Interview> accepted) {
            var interview = accepted.result();
            return Outcomes.accepted(
                    metadata, RESOURCE_TYPE, interviewId, success, interview.version(), null, definition(interview));
        }
        return Outcomes.rejected(metadata, RESOURCE_TYPE, interviewId, (Decision.Rejected<Interview>) decision);
    }
}
