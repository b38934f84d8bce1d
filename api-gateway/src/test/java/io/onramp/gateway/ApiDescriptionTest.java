package io.onramp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.gateway.docs.Responds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The API description a client generator reads: complete, secured, and with the contract's examples. */
class ApiDescriptionTest extends GatewayTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiOperationDeclaresWhatItAnswers() {
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            boolean api = entry.getKey().getPatternValues().stream().anyMatch(path -> path.startsWith("/api/"));
            if (api && !entry.getValue().hasMethodAnnotation(Responds.class)) {
                undeclared.add(entry.getValue().toString());
            }
        }
        assertThat(undeclared).as("handler methods without @Responds").isEmpty();
    }

    @Test
    void theDescriptionIsSecuredTaggedAndComplete() {
        var response = http.get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = json(response.body());

        assertThat(api.get("info").get("title").asString()).isEqualTo("Onramp API");
        assertThat(api.get("info").get("description").asString()).contains("bearer JWT");
        JsonNode bearer = api.get("components").get("securitySchemes").get("bearer-jwt");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(api.get("security").get(0).has("bearer-jwt")).isTrue();
        assertThat(api.get("components")
                        .get("schemas")
                        .get("ErrorEnvelope")
                        .get("properties")
                        .propertyNames())
                .contains("status", "code", "message", "errors");

        int operations = 0;
        for (var path : api.get("paths").properties()) {
            assertThat(path.getKey()).startsWith("/api/v1/");
            for (var operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().get("responses");
                assertThat(operation.getValue().get("tags").size()).as(name).isEqualTo(1);
                assertThat(responses.propertyNames()).as(name).contains("401", "403", "503");
                assertThat(responses.propertyNames()).as(name).anyMatch(status -> status.startsWith("2"));
                for (var answer : responses.properties()) {
                    if (!answer.getKey().startsWith("2")) {
                        assertThat(answer.getValue()
                                        .get("content")
                                        .get("application/json")
                                        .get("schema")
                                        .get("$ref")
                                        .asString())
                                .as(name + " " + answer.getKey())
                                .isEqualTo("#/components/schemas/ErrorEnvelope");
                    }
                }
            }
        }
        long handlers = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().stream().anyMatch(path -> path.startsWith("/api/")))
                .count();
        assertThat(operations).as("every /api handler is described").isEqualTo((int) handlers);

        JsonNode schedule = api.get("paths").get("/api/v1/schedules").get("post");
        assertThat(schedule.get("responses").propertyNames()).contains("201", "202", "400", "409");
        assertThat(schedule.get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("examples")
                        .get("example")
                        .get("value")
                        .get("candidate")
                        .get("timezone")
                        .asString())
                .isEqualTo("Asia/Tokyo");
    }
}
