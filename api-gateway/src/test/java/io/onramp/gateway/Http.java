package io.onramp.gateway;

import io.onramp.devstack.DevTokens;
import io.onramp.gateway.security.Permissions;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A plain HTTP client for tests, so that what is asserted is exactly what a client sees on the wire. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl;

    Http(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Every permission a tenant's token can hold (DESIGN §5), as the gateway names them. */
    static List<String> everyTenantPermission() {
        return Arrays.stream(Permissions.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static String token(String user, String tenant, String... permissions) {
        return DevTokens.mint(user, tenant, List.of(permissions), Duration.ofMinutes(10));
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET(), null);
    }

    HttpResponse<String> post(String path, String token, String json, String... headers) {
        var request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, json);
    }

    HttpResponse<byte[]> postForBytes(String path, String token, String json) {
        try {
            var request = request(path, token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            OpenApiContract.check(request, json, response, new String(response.body(), StandardCharsets.ISO_8859_1));
            return response;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String path, String token, String json) {
        return send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                json);
    }

    HttpResponse<String> patch(String path, String token, String json) {
        return send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)),
                json);
    }

    HttpResponse<String> delete(String path, String token, String json, String... headers) {
        var request = request(path, token)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, json);
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends, and checks the exchange against the gateway's OpenAPI description ({@link OpenApiContract}). */
    private static HttpResponse<String> send(HttpRequest.Builder builder, String body) {
        try {
            var request = builder.build();
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(request, body, response, response.body());
            return response;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
