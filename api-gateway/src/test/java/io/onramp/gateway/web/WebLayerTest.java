package io.onramp.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.DevTokens;
import io.onramp.gateway.command.CommandBus;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's web layer alone: every controller, the real token verification and permission checks, validation and
 * the error envelope, with no broker and no database. What the controllers call beyond the web layer — the command bus
 * and the read models — are test doubles ({@link ControllerDoubles}), as are the operators' Kafka admin client and the
 * audit's publisher; the end-to-end tests keep what needs Kafka and
 * PostgreSQL. Every subclass shares this one application context.
 */
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "io\\.onramp\\.gateway\\.config\\.SecurityConfiguration",
                            "io\\.onramp\\.gateway\\.security\\..*",
                            "io\\.onramp\\.gateway\\.error\\..*"
                        }))
@ActiveProfiles("dev")
@Import({ControllerDoubles.class, WebLayerTest.Catalogue.class})
@MockitoBean(types = {Admin.class, RecordPublisher.class})
public abstract class WebLayerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected CommandBus commands;

    /** The topic catalogue as the services build it; its serdes reach no registry until a record is written. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Catalogue {
        @Bean
        Topics topics() {
            return new Topics(new ApicurioSerdes("http://127.0.0.1:9/apis/registry/v3"));
        }
    }

    /** A bearer token of {@code tenant}'s {@code user} holding {@code permissions}. */
    protected static String bearer(String user, String tenant, String... permissions) {
        return "Bearer " + DevTokens.mint(user, tenant, List.of(permissions), Duration.ofMinutes(10));
    }

    /** {@code method path} as {@code token}'s holder, with a JSON {@code body} if not null and header name-value pairs. */
    protected MvcTestResult call(String method, String path, String token, String body, String... headers) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request.header("Authorization", token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    protected static JsonNode json(MvcTestResult result) {
        return JSON.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    /**
     * Asserts the answer is the error envelope of DESIGN §5 with {@code status}, and returns it; {@code fields} are
     * fields its errors must name.
     */
    protected static JsonNode assertEnvelope(MvcTestResult result, int status, String... fields) {
        assertThat(result).hasStatus(status);
        JsonNode envelope = json(result);
        assertThat(envelope.get("status").asString()).isEqualTo("error");
        assertThat(envelope.get("code").asInt()).isEqualTo(status);
        assertThat(envelope.get("message").asString()).isNotBlank();
        assertThat(envelope.get("errors").isArray()).isTrue();
        List<String> named = envelope.get("errors")
                .valueStream()
                .map(error -> error.path("field").asString(""))
                .toList();
        if (fields.length > 0) {
            assertThat(named).as("fields named by %s", envelope).contains(fields);
        }
        return envelope;
    }
}
