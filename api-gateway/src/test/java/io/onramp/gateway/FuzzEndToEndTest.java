package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed requests over every operation of the gateway's own {@code /v3/api-docs} (so a new endpoint is covered
 * without editing this test): bad path segments, query values, headers, content types and bodies, each request sent
 * byte for byte. Whatever arrives, the answer is never a 5xx, and every non-2xx is the error envelope. The run is
 * seeded (printed on failure) and so repeatable.
 */
class FuzzEndToEndTest extends GatewayTestSupport {

    static final int REQUESTS = Integer.getInteger("onramp.fuzz.requests", 10_000);
    static final long SEED = Long.getLong("onramp.fuzz.seed", 20261202L);
    static final int CLIENTS = Integer.getInteger("onramp.fuzz.clients", 4);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "fuzz";

    private static final List<String> SEGMENTS = List.of(
            "%00",
            "%2F",
            "%5C",
            "%zz",
            "%C0%AF",
            "..",
            "%2E%2E",
            "a%00b",
            "%0A",
            "%20",
            "x".repeat(300),
            "'%20OR%201=1--",
            "%3Cscript%3E",
            "%F0%9F%98%80",
            "%E4%B8%AD%E6%96%87",
            "-1",
            "0",
            "null",
            "true",
            "00000000-0000-0000-0000-000000000000",
            "8c3f5a1e-4c55-4d8e-9a57-0b7f1b2f6a01",
            "a1b2c3d4-e5f6-7g8h",
            "%FF%FE",
            "%25",
            "~",
            "guest-onboarding",
            "acme%2Fu-1");
    private static final List<String> VALUES = List.of(
            "%00",
            "-1",
            "0",
            "99999999999999999999",
            "1e309",
            "abc",
            "%zz",
            "'%20OR%201=1--",
            "%0A",
            "%0D%0A",
            "true",
            "",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "2026-13-45T99:99:99Z",
            "2026-12-01T10:00:00Z",
            "scheduled",
            "%E2%80%AE",
            "x".repeat(3000),
            "%F0%9F%98%80",
            "[]",
            "{}",
            "NaN",
            "2147483648",
            "-2147483649");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json",
            "*/*",
            "text/plain",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json;charset=bogus",
            "garbage",
            "application/xml",
            "application/json; charset=UTF-16",
            "");
    private static final List<String> ACCEPTS = List.of(
            "application/json",
            "*/*",
            "*/*",
            "text/html",
            "application/xml",
            "*/*;q=x",
            "garbage",
            "text/calendar",
            "application/pdf",
            "");
    private static final List<String> IF_MATCHES =
            List.of("\"1\"", "1", "W/\"1\"", "\"x\"", "*", "\"-1\"", "\"99999999999999999999\"", "");
    private static final List<String> BODIES = List.of(
            "",
            "{}",
            "[]",
            "null",
            "1",
            "\"x\"",
            "{",
            "}",
            "{\"a\":",
            "[[[[[[[[[[[[[[[[[[[[",
            "{\"\":\"\"}",
            "true",
            "\u0000",
            "{\"title\":null}",
            "{\"title\":[]}",
            "{\"title\":{}}",
            "\u00ff\u00fe",
            "[".repeat(2000) + "]".repeat(2000),
            "{\"a\":" + "1".repeat(400) + "}",
            "{\"x\":\"\\ud800\"}");

    private final Random random = new Random(SEED);

    record Operation(String method, String path, List<String> queryNames, boolean hasBody, JsonNode example) {}

    @Test
    void noMalformedRequestGetsA5xxOrAnAnswerOutsideTheEnvelope() throws InterruptedException {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40);
        String full = token("u-fuzz", TENANT, Http.everyTenantPermission().toArray(String[]::new));
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            String target = target(operation);
            Map<String, String> headers = headers(operation, full);
            String body = operation.hasBody() || random.nextInt(10) == 0 ? body(operation) : null;
            String method = random.nextInt(40) == 0
                    ? pick(List.of("PATCH", "OPTIONS", "TRACE", "PUT", "DELETE"))
                    : operation.method();
            requests.add(new Request(i, operation, method, target, headers, body));
        }
        Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
        var statuses = new AtomicIntegerArray(6);
        // The requests are drawn from the seed first, then sent by a few clients at once: a command waiting out its
        // "wait=1" no longer holds up the rest. Every check is of one answer, so the order does not matter.
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (Request request : requests) {
            clients.execute(() -> check(request, failures, statuses));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES))
                .as("every request answered")
                .isTrue();
        assertThat(failures)
                .as("seed %d; answers by class 1xx..5xx: %s", SEED, statuses)
                .isEmpty();
        assertThat(statuses.get(4)).as("most malformed requests are refused").isGreaterThan(REQUESTS / 2);
    }

    record Request(
            int index, Operation operation, String method, String target, Map<String, String> headers, String body) {}

    private void check(Request request, Map<String, String> failures, AtomicIntegerArray statuses) {
        Operation operation = request.operation();
        String sent = request.method() + " " + request.target() + " " + request.headers() + " body="
                + abbreviated(request.body());
        long started = System.nanoTime();
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, request.method(), request.target(), request.headers(), request.body());
        } catch (IllegalStateException e) {
            failures.putIfAbsent(
                    operation.method() + " " + operation.path() + " -> no answer: " + e.getCause(),
                    request.index() + ": " + sent + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        statuses.incrementAndGet(Math.min(5, response.status() / 100));
        String problem = millis > 10_000 ? "answered after " + millis + " ms" : problem(response);
        if (problem != null) {
            failures.putIfAbsent(
                    operation.method() + " " + operation.path() + " -> " + response.status() + " " + problem,
                    sent + " => " + abbreviated(response.body()));
        }
    }

    private static String problem(RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error";
        }
        if (response.status() < 400) {
            return null;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/json")) {
            return "not JSON: " + response.contentType();
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (!"error".equals(body.path("status").asString(null))
                    || body.path("code").asInt() != response.status()
                    || !body.path("errors").isArray()) {
                return "not the envelope";
            }
        } catch (RuntimeException e) {
            return "unreadable body";
        }
        return null;
    }

    private List<Operation> operations() {
        JsonNode api = json(http.get("/v3/api-docs", null).body());
        List<Operation> operations = new ArrayList<>();
        for (var path : api.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                List<String> queries = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters").values()) {
                    if (parameter.path("in").asString("").equals("query")) {
                        queries.add(parameter.get("name").asString());
                    }
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                JsonNode example = body.path("examples").path("example").path("value");
                operations.add(new Operation(
                        entry.getKey().toUpperCase(),
                        path.getKey(),
                        queries,
                        !body.isMissingNode(),
                        example.isMissingNode() ? null : example));
            }
        }
        return operations;
    }

    private String target(Operation operation) {
        String path = operation.path();
        while (path.contains("{")) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            String segment = random.nextInt(4) == 0 ? UUID.randomUUID().toString() : pick(SEGMENTS);
            path = path.substring(0, start) + segment + path.substring(end + 1);
        }
        List<String> query = new ArrayList<>();
        for (String name : operation.queryNames()) {
            if (random.nextBoolean()) {
                query.add(name + "=" + pick(VALUES));
            }
        }
        if (random.nextInt(8) == 0) {
            query.add(pick(VALUES) + "=" + pick(VALUES));
        }
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private Map<String, String> headers(Operation operation, String full) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (random.nextInt(12)) {
            case 0 -> {}
            case 1 -> headers.put("Authorization", "Bearer");
            case 2 -> headers.put("Authorization", "Bearer garbage.garbage.garbage");
            case 3 -> headers.put("Authorization", "Basic dTpw");
            case 4 -> headers.put("Authorization", "Bearer " + token("u-fuzz", TENANT));
            default -> headers.put("Authorization", "Bearer " + full);
        }
        String contentType = pick(CONTENT_TYPES);
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        String accept = pick(ACCEPTS);
        if (!accept.isEmpty()) {
            headers.put("Accept", accept);
        }
        if (random.nextBoolean()) {
            String ifMatch = pick(IF_MATCHES);
            if (!ifMatch.isEmpty()) {
                headers.put("If-Match", ifMatch);
            }
        }
        // Commands answer at once or within a second rather than wait for their worker: the fuzzer is about the front
        // door, and some commands here (people, preferences) have no worker running in this JVM to answer them.
        headers.put(
                "Prefer",
                random.nextInt(10) == 0
                        ? pick(List.of("respond-async;x", "wait=-1, wait=1", "garbage, wait=1", "wait=1;x"))
                        : "respond-async");
        return headers;
    }

    private String body(Operation operation) {
        if (operation.example() != null && random.nextInt(3) > 0) {
            return JSON.writeValueAsString(mutate(operation.example().deepCopy()));
        }
        return pick(BODIES);
    }

    /** One field of the example replaced by something of another type or out of range. */
    private JsonNode mutate(JsonNode example) {
        if (!(example instanceof tools.jackson.databind.node.ObjectNode object) || object.isEmpty()) {
            return example;
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = pick(names);
        switch (random.nextInt(9)) {
            case 0 -> object.putNull(name);
            case 1 -> object.put(name, -1);
            case 2 -> object.put(name, "x".repeat(5000));
            case 3 -> object.put(name, "<script>alert(1)</script>\u202e");
            case 4 -> object.putArray(name).add(1).add("a");
            case 5 -> object.putObject(name).put("a", 1);
            case 6 -> object.put(name, 1e308);
            case 7 -> object.remove(name);
            default -> object.put(pick(VALUES), pick(VALUES));
        }
        return object;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
