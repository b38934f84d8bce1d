package io.onramp.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import io.onramp.gateway.docs.RequestExamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} operation the controllers map (so a new one is covered without editing this test): without a
 * token a 401, with a token that holds no permission it uses a 403, each in the envelope, and no command sent. Bodies
 * are the API description's examples, so that what answers is the permission check and not validation.
 */
class EveryOperationWebTest extends WebLayerTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    /** A permission no operation accepts: the token passes the filter, every operation's own check refuses it. */
    private static final String UNRELATED = "reports:view";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * The outcome of a command that outlived the wait: any token of the tenant may ask for it (its sender held the
     * permission when it was sent); a request of another tenant reads as pending.
     */
    private static final String ANY_PERMISSION = "GET /api/v1/requests/{requestId}";

    record Operation(String documented, String method, String path, String body) {}

    @Test
    void withoutATokenEveryOperationIs401() {
        assertEveryOperation(null, 401);
        verifyNoInteractions(commands);
    }

    @Test
    void withAPermissionItDoesNotAcceptEveryOperationIs403() {
        String token = bearer("u-1", "acme", UNRELATED);
        assertEveryOperation(token, 403);
        verifyNoInteractions(commands);
    }

    @Test
    void withNoPermissionAtAllEveryOperationIs403() {
        String token = bearer("u-1", "acme");
        assertEveryOperation(token, 403);
        verifyNoInteractions(commands);
    }

    private void assertEveryOperation(String token, int status) {
        Map<Operation, Integer> otherwise = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            if (status == 403 && operation.documented().equals(ANY_PERMISSION)) {
                continue;
            }
            var result = call(operation.method(), operation.path(), token, operation.body());
            if (result.getResponse().getStatus() == status) {
                assertEnvelope(result, status);
            } else {
                otherwise.put(operation, result.getResponse().getStatus());
            }
        }
        assertThat(otherwise).as("operations not answering %d", status).isEmpty();
    }

    private List<Operation> operations() {
        Map<String, String> examples = RequestExamples.bodies();
        List<Operation> operations = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    String operation =
                            method.name() + " " + VARIABLE.matcher(pattern).replaceAll("{$1}");
                    String body = examples.getOrDefault(operation, hasBody(handler) ? "{}" : null);
                    operations.add(new Operation(operation, method.name(), concrete(pattern), body));
                }
            }
        });
        return operations;
    }

    private static boolean hasBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern with each variable filled in: a UUID for ids, something its own pattern accepts otherwise. */
    private static String concrete(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value =
                    switch (matcher.group(1)) {
                        case "action" -> "confirm";
                        case "topic" -> "access-commands";
                        case "definitionId" -> "guest-onboarding";
                        case "userId", "guestId" -> "u-2";
                        default -> "8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01";
                    };
            matcher.appendReplacement(path, value);
        }
        return matcher.appendTail(path).toString();
    }
}
