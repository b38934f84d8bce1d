package io.onramp.gateway.people;

import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeopleWebTest extends WebLayerTest {

    private static final String MANAGER = bearer("u-1", "acme", Permissions.PEOPLE_MANAGE);

    @Test
    void peopleAreChangedOnlyWithPeopleManage() {
        String reader = bearer("u-1", "acme", Permissions.PEOPLE_READ);
        assertEnvelope(call("PUT", "/api/v1/people/u-2", reader, "{\"email\":\"casey@example.com\"}"), 403);
        assertEnvelope(call("DELETE", "/api/v1/people/u-2", reader, null), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownPersonIs404() {
        assertEnvelope(call("GET", "/api/v1/people/u-2", MANAGER, null), 404);
        assertEnvelope(call("DELETE", "/api/v1/people/u-2", MANAGER, null), 404);
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"email\":\"not an address\"} | email",
                "{\"email\":\"casey@example.com\",\"timezone\":\"Mars/Olympus\"} | timezone",
                "{\"email\":\"casey@example.com\",\"locale\":\"!!\"} | locale"
            })
    void anInvalidPersonIs400NamingTheField(String body, String field) {
        assertEnvelope(call("PUT", "/api/v1/people/u-2", MANAGER, body), 400, field);
        verifyNoInteractions(commands);
    }

    @Test
    void aPageOutOfRangeIs400() {
        assertEnvelope(call("GET", "/api/v1/people?size=100000", MANAGER, null), 400, "size");
    }
}
