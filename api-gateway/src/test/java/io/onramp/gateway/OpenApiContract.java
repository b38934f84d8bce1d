package io.onramp.gateway;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every exchange an end-to-end test makes with {@code /api/**}, checked against the running gateway's own
 * {@code /v3/api-docs}: each response must be one the description documents for its operation (status, media type,
 * body schema), and each request the gateway accepted (2xx) must be one the description allows. So the description
 * cannot drift from the code: removing a documented status from a controller fails the test that meets it.
 */
final class OpenApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiContract() {}

    static void check(HttpRequest request, String requestBody, HttpResponse<?> response, String responseBody) {
        URI uri = request.uri();
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        var validator = VALIDATORS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiContract::load);

        var responseBuilder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> responseBuilder.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            responseBuilder.withBody(responseBody);
        }
        var apiResponse = responseBuilder.build();
        var method = Request.Method.valueOf(request.method());

        ValidationReport report;
        if (response.statusCode() / 100 == 2) {
            var requestBuilder = new SimpleRequest.Builder(method, uri.getRawPath());
            request.headers().map().forEach((name, values) -> requestBuilder.withHeader(name, values));
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] parts = pair.split("=", 2);
                    requestBuilder.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
                }
            }
            if (requestBody != null && !requestBody.isEmpty()) {
                requestBuilder.withBody(requestBody);
            }
            report = validator.validate(requestBuilder.build(), apiResponse);
        } else {
            report = validator.validateResponse(uri.getRawPath(), method, apiResponse);
        }
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            // No such path or method: the description cannot name what does not exist; the envelope is still checked.
            boolean unknown = report.getMessages().stream()
                    .anyMatch(message -> message.getKey().equals("validation.request.path.missing")
                            || message.getKey().equals("validation.request.operation.notAllowed"));
            if (unknown) {
                return;
            }
        }
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n"));
            String text = "%s %s -> %d does not match /v3/api-docs:%n%s%nresponse: %s"
                    .formatted(
                            request.method(),
                            uri.getPath(),
                            response.statusCode(),
                            messages,
                            abbreviated(responseBody));
            throw new AssertionError(text);
        }
    }

    private static OpenApiInteractionValidator load(String baseUrl) {
        try {
            var spec = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            // Kept for reading and for generating clients offline.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), spec);
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + baseUrl + "/v3/api-docs", e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
