package io.onramp.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.onramp.gateway.command.Replies;
import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.GrantAccess;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

class AccessWebTest extends WebLayerTest {

    private static final String ID = "89D96F4B-2AC4-4D4F-9A4A-6B1F0C2E7A11";

    @Autowired
    AccessReadModel access;

    @Test
    void grantAndRevokeEachNeedTheirOwnPermission() {
        String body = body("u-2", "[\"" + ID + "\"]");
        assertEnvelope(call("POST", "/api/v1/access", bearer("u-1", "acme", Permissions.ACCESS_REVOKE), body), 403);
        assertEnvelope(call("DELETE", "/api/v1/access", bearer("u-1", "acme", Permissions.ACCESS_GRANT), body), 403);
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|                          [\"" + ID + "\"] | user_id",
                "a/b |                      [\"" + ID + "\"] | user_id",
                "u-2 |                      []               | interview_ids",
                "u-2 |                      [\"not-a-uuid\"] | interview_ids[0]",
                "u-2 |                      [null]           | interview_ids[0]"
            })
    void anInvalidGrantIs400NamingTheField(String user, String ids, String field) {
        String body = body(user, ids);
        assertEnvelope(
                call("POST", "/api/v1/access", bearer("u-1", "acme", Permissions.ACCESS_GRANT), body), 400, field);
        verifyNoInteractions(commands);
    }

    @Test
    void aGrantNamesThePermissionItNeeds() {
        String body = body("u-2", "[\"" + ID + "\"]");
        var envelope = assertEnvelope(
                call("POST", "/api/v1/access", bearer("u-1", "acme", Permissions.ACCESS_READ), body), 403);
        assertThat(envelope.get("errors").get(0).get("error").asString())
                .isEqualTo("Required permission: access:grant");
    }

    @Test
    void aMalformedIdIsNamedByItsPlaceAndMoreThanTenThousandAreRefused() {
        String admin = bearer("u-1", "acme", Permissions.ACCESS_GRANT);
        String malformed = body("u-2", "[\"" + ID + "\",\"a1b2c3d4-e5f6-7g8h-9i0j-k1l2m3n4o5p6\"]");
        assertEnvelope(call("POST", "/api/v1/access", admin, malformed), 400, "interview_ids[1]");
        String tooMany = IntStream.range(0, 10_001)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        assertEnvelope(call("POST", "/api/v1/access", admin, body("u-2", tooMany)), 400, "interview_ids");
        verifyNoInteractions(commands);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGrantIsOneCommandKeyedByTheUserWithTheIdsNormalised() {
        when(commands.send(any(), any(), any(), any(), any())).thenReturn(Replies.accepted(1));

        var result = call(
                "POST",
                "/api/v1/access",
                bearer("u-1", "acme", Permissions.ACCESS_GRANT),
                body("u-2", "[\"" + ID + "\"]"));

        assertThat(result).hasStatusOk();
        assertThat(json(result).get("created_access_count").asInt()).isEqualTo(1);
        ArgumentCaptor<Function<CommandMetadata, AccessCommand>> build = ArgumentCaptor.forClass(Function.class);
        verify(commands).send(any(), any(), eq("acme/u-2"), build.capture(), any());
        var command = build.getValue().apply(new CommandMetadata("r-1", "acme", "u-1", Instant.EPOCH));
        assertThat(command.getPayload()).isEqualTo(new GrantAccess("u-2", java.util.List.of(ID.toLowerCase())));
    }

    @Test
    void readingNeedsAccessRead() {
        when(access.interviewsOf("acme", "u-2")).thenReturn(java.util.List.of("i-1"));
        assertEnvelope(call("GET", "/api/v1/access/u-2", bearer("u-1", "acme", Permissions.ACCESS_GRANT), null), 403);
        var result = call("GET", "/api/v1/access/u-2", bearer("u-1", "acme", Permissions.ACCESS_READ), null);
        assertThat(json(result).get("interview_ids").get(0).asString()).isEqualTo("i-1");
    }

    private static String body(String user, String ids) {
        return "{" + (user == null ? "" : "\"user_id\":\"" + user + "\",") + "\"interview_ids\":" + ids + "}";
    }
}
