package io.onramp.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.ScheduleCommand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/** Scheduled interviews: who may see and change one, and the {@code If-Match} every change needs. */
class ScheduleWebTest extends WebLayerTest {

    private static final String ID = "8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";
    private static final String RESCHEDULE = "/api/v1/schedules/" + ID + "/reschedule";
    private static final String SLOT =
            "{\"scheduled_start\":\"2026-12-02T15:00:00Z\",\"scheduled_end\":\"2026-12-02T16:00:00Z\"}";

    @Autowired
    ScheduleReadModel schedules;

    @Test
    void withoutSchedulesUpdateAChangeIs403EvenWithoutIfMatch() {
        String reader = bearer("u-7", "acme", Permissions.SCHEDULES_READ_ALL);
        assertEnvelope(call("POST", RESCHEDULE, reader, SLOT), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void aChangeWithoutIfMatchIs428NamingIt() {
        when(schedules.find("acme", ID)).thenReturn(Optional.of(interview("u-7")));
        String organizer = bearer("u-7", "acme", Permissions.SCHEDULES_UPDATE);
        assertEnvelope(call("POST", RESCHEDULE, organizer, SLOT), 428, "If-Match");
        assertEnvelope(call("POST", "/api/v1/schedules/" + ID + "/confirm", organizer, null), 428, "If-Match");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource({"*", "v3", "'\"3\", \"4\"'"})
    void anIfMatchThatIsNoVersionIs400(String ifMatch) {
        when(schedules.find("acme", ID)).thenReturn(Optional.of(interview("u-7")));
        String organizer = bearer("u-7", "acme", Permissions.SCHEDULES_UPDATE);
        assertEnvelope(call("POST", RESCHEDULE, organizer, SLOT, "If-Match", ifMatch), 400, "If-Match");
        verifyNoInteractions(commands);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeCarriesTheVersionTheClientRead() {
        when(schedules.find("acme", ID)).thenReturn(Optional.of(interview("u-7")));
        String organizer = bearer("u-7", "acme", Permissions.SCHEDULES_UPDATE);

        var result = call("POST", RESCHEDULE, organizer, SLOT, "If-Match", "W/\"3\"");

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasValue("ETag", "\"3\"");
        ArgumentCaptor<Function<CommandMetadata, ScheduleCommand>> build = ArgumentCaptor.forClass(Function.class);
        verify(commands).send(any(), any(), eq("acme"), build.capture(), any());
        var command = build.getValue().apply(new CommandMetadata("r-1", "acme", "u-7", Instant.EPOCH));
        assertThat(command.getExpectedVersion()).isEqualTo(3L);
        assertThat(command.getScheduleId()).isEqualTo(ID);
    }

    @Test
    void whoIsNotInvolvedMayNeitherReadNorChangeIt() {
        when(schedules.find("acme", ID)).thenReturn(Optional.of(interview("u-7")));
        String stranger = bearer("u-8", "acme", Permissions.SCHEDULES_READ, Permissions.SCHEDULES_UPDATE);
        assertEnvelope(call("GET", "/api/v1/schedules/" + ID, stranger, null), 403, "id");
        assertEnvelope(call("POST", RESCHEDULE, stranger, SLOT, "If-Match", "\"3\""), 403, "id");
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownInterviewIs404() {
        String organizer = bearer("u-7", "acme", Permissions.SCHEDULES_READ_ALL, Permissions.SCHEDULES_UPDATE);
        assertEnvelope(call("GET", "/api/v1/schedules/" + ID, organizer, null), 404);
        assertEnvelope(call("POST", RESCHEDULE, organizer, SLOT, "If-Match", "\"3\""), 404);
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET | /api/v1/schedules?status=late | | status",
                "GET | /api/v1/schedules?from=yesterday | | from",
                "GET | /api/v1/schedules?size=0 | | size",
                "POST | /api/v1/schedules | {\"title\":\"Screen\"} | candidate",
                "POST | /api/v1/schedules/" + ID
                        + "/feedback | {\"custom_ratings\":{\"sql\":null}} | custom_ratings[sql]"
            })
    void anInvalidRequestIs400NamingTheField(String method, String path, String body, String field) {
        String token = bearer(
                "u-7",
                "acme",
                Permissions.SCHEDULES_READ,
                Permissions.SCHEDULES_CREATE,
                Permissions.SCHEDULES_FEEDBACK);
        assertEnvelope(call(method, path, token, body), 400, field);
        verifyNoInteractions(commands);
    }

    private static Schedule interview(String organizer) {
        Instant start = Instant.parse("2026-12-02T15:00:00Z");
        return new Schedule(
                ID,
                "technical",
                "Technical interview",
                "scheduled",
                3,
                new Schedule.Candidate("c-1", "Casey", "casey@example.com", "Asia/Tokyo"),
                organizer,
                List.of("u-9"),
                start,
                start.plusSeconds(3600),
                "UTC",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                false,
                0,
                start,
                start);
    }
}
