package io.onramp.gateway.interview;

import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.security.Permissions;
import io.onramp.gateway.web.WebLayerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterviewWebTest extends WebLayerTest {

    private static final String ID = "89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11";
    private static final String MANAGER = bearer("u-1", "acme", Permissions.INTERVIEWS_MANAGE);

    @Test
    void theCatalogueIsChangedOnlyWithInterviewsManage() {
        String reader = bearer("u-1", "acme", Permissions.INTERVIEWS_READ, Permissions.INTERVIEWS_CREATE);
        String body = "{\"title\":\"Screen\",\"duration_seconds\":1800}";
        assertEnvelope(call("POST", "/api/v1/interviews", reader, body), 403);
        assertEnvelope(call("PUT", "/api/v1/interviews/" + ID, reader, body), 403);
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownInterviewIs404() {
        assertEnvelope(call("GET", "/api/v1/interviews/" + ID, MANAGER, null), 404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /api/v1/interviews | {\"duration_seconds\":1800} | title",
                "POST | /api/v1/interviews | {\"title\":\" \",\"duration_seconds\":1800} | title",
                "POST | /api/v1/interviews | {\"title\":\"Screen\",\"duration_seconds\":0} | duration_seconds",
                "POST | /api/v1/interviews | {\"title\":\"Screen\",\"duration_seconds\":604801} | duration_seconds",
                "POST | /api/v1/interviews | {\"id\":\"x\",\"title\":\"Screen\",\"duration_seconds\":60} | id",
                "PUT | /api/v1/interviews/" + ID
                        + " | {\"id\":\"0f0e0d0c-0b0a-4909-8807-060504030201\",\"title\":\"S\",\"duration_seconds\":60} | id",
                "PUT | /api/v1/interviews/x | {\"title\":\"Screen\",\"duration_seconds\":60} | interview_id",
                "GET | /api/v1/interviews/x | | interview_id",
                "GET | /api/v1/interviews?page=-1 | | page"
            })
    void anInvalidRequestIs400NamingTheField(String method, String path, String body, String field) {
        assertEnvelope(call(method, path, MANAGER, body), 400, field);
        verifyNoInteractions(commands);
    }
}
