package io.onramp.access.topology;

import io.onramp.access.domain.UserAccess;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.GrantAccess;
import java.util.ArrayList;
import java.util.TreeSet;

/** Translates between the Avro contracts and the ACCESS table's domain records. */
final class AccessAvro {

    static final String RESOURCE_TYPE = "access";
    /** The user id recorded as the author of grants that came from upstream enrolment events. */
    static final String ENROLLMENT_AUTHOR = "enrollment";

    private AccessAvro() {}

    static UserAccess userAccess(io.onramp.schemas.UserAccess access) {
        return new UserAccess(
                access.getTenantId(),
                access.getUserId(),
                new TreeSet<>(access.getInterviewIds()),
                access.getVersion(),
                access.getUpdatedAt());
    }

    static io.onramp.schemas.UserAccess avro(UserAccess access) {
        return io.onramp.schemas.UserAccess.newBuilder()
                .setTenantId(access.tenantId())
                .setUserId(access.userId())
                .setInterviewIds(new ArrayList<>(access.interviewIds()))
                .setVersion(access.version())
                .setUpdatedAt(access.updatedAt())
                .build();
    }

    /** An upstream enrolment is a grant of its interviews; its event id becomes the request id of the outcome. */
    static AccessCommand grant(EnrollmentEvent event) {
        return AccessCommand.newBuilder()
                .setMetadata(CommandMetadata.newBuilder()
                        .setRequestId(ENROLLMENT_AUTHOR + ":" + event.getEventId())
                        .setTenantId(event.getTenantId())
                        .setUserId(ENROLLMENT_AUTHOR)
                        .setIssuedAt(event.getOccurredAt())
                        .build())
                .setPayload(new GrantAccess(event.getUserId(), event.getInterviewIds()))
                .build();
    }
}
