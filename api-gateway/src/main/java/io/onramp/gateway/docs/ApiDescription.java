package io.onramp.gateway.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.onramp.gateway.command.CommandRequestHeaders;
import io.onramp.gateway.command.IfMatch;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.error.ErrorEnvelope;
import io.onramp.gateway.error.RequestStatusLink;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;

/**
 * The gateway's OpenAPI description at {@code /v3/api-docs}: what a client generator needs and nothing the code does
 * not do. Bearer JWT on every operation; each operation's success and error statuses from its {@link Responds}, every
 * error with the envelope's schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearer-jwt";
    private static final String JSON = "application/json";
    private static final String ENVELOPE = "ErrorEnvelope";
    private static final String PENDING = "RequestStatusLink";

    @Bean
    OpenAPI onrampApi(ObjectProvider<BuildProperties> build) {
        var properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Onramp API")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .description("""
                                Interview access and attempts, guest onboarding workflows, scheduled interviews, \
                                people and notifications, and operations. Every request carries a bearer JWT with \
                                `sub`, `organization_id` and `permissions`; every read and write is confined to the \
                                token's organisation. Commands are decided by workers: when one is not decided in \
                                time the answer is `202` with where to ask (`GET /api/v1/requests/{id}`). Every \
                                error is `{"status":"error","code":…,"message":…,"errors":[{"field":…,"error":…}]}`."""))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "HS256 or RS256/ES256 token with sub, organization_id and permissions")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Schemas named as the API writes its JSON: snake_case (the gateway's Jackson setting), for swagger-core's own
     * Jackson mapper that reads the Java types.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * What the Java types alone do not say: a value of a reference type may be {@code null} in an answer unless the
     * type says it is required.
     */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            if (property == null) {
                return null;
            }
            boolean primitive = type.getType() instanceof Class<?> raw && raw.isPrimitive();
            boolean required = type.getCtxAnnotations() != null
                    && Arrays.stream(type.getCtxAnnotations())
                            .anyMatch(annotation -> REQUIRED.contains(
                                    annotation.annotationType().getSimpleName()));
            if (!primitive && !required && property.get$ref() == null) {
                property.setNullable(true);
            }
            return property;
        };
    }

    private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");

    /** The envelope and the pending answer, as schemas every operation's responses refer to. */
    @Bean
    OpenApiCustomizer sharedSchemas() {
        return openApi -> {
            var converters = ModelConverters.getInstance();
            converters.readAll(ErrorEnvelope.class).forEach(openApi.getComponents()::addSchemas);
            converters.readAll(RequestStatusLink.class).forEach(openApi.getComponents()::addSchemas);
            bodyTypes.forEach(type ->
                    converters.readAll(type).forEach(openApi.getComponents().getSchemas()::putIfAbsent));
            // A JsonNode is whatever JSON the client sent (a task's responses) or a worker stored (a definition's
            // groups, a dead letter's value): any value, not the getters of Jackson's class.
            if (openApi.getComponents().getSchemas().containsKey("JsonNode")) {
                openApi.getComponents()
                        .addSchemas("JsonNode", new Schema<>().nullable(true).description("Any JSON value"));
            }
        };
    }

    @Bean
    OperationCustomizer declaredResponses() {
        return (operation, handler) -> {
            Responds responds = handler.getMethodAnnotation(Responds.class);
            if (responds == null) {
                return operation;
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse generated = responses.remove("200");
            var success = new ApiResponse().description(reason(responds.value()));
            if (responds.mediaTypes().length > 0) {
                var files = new Content();
                for (String media : responds.mediaTypes()) {
                    files.addMediaType(
                            media,
                            new MediaType().schema(new Schema<>().type("string").format("binary")));
                }
                success.content(files);
            } else if (responds.value() != 204) {
                success.content(
                        generated != null
                                        && generated.getContent() != null
                                        && !generated.getContent().isEmpty()
                                ? generated.getContent()
                                : bodyOf(handler.getReturnType().getGenericParameterType()));
            }
            var answers = new ApiResponses();
            answers.addApiResponse(Integer.toString(responds.value()), success);
            for (int status : responds.also()) {
                answers.addApiResponse(
                        Integer.toString(status),
                        new ApiResponse().description(reason(status)).content(success.getContent()));
            }
            if (responds.accepted()) {
                answers.addApiResponse(
                        "202",
                        new ApiResponse()
                                .description("Accepted: not decided yet; ask at the location given")
                                .content(json(PENDING)));
            }
            for (int status : responds.errors()) {
                answers.addApiResponse(Integer.toString(status), error(status));
            }
            if (operation.getRequestBody() != null) {
                // A body that is not JSON, or JSON of the wrong shape, is a 400; another media type a 415.
                answers.addApiResponse("400", error(400));
                answers.addApiResponse("415", error(415));
            }
            answers.addApiResponse("401", error(401));
            answers.addApiResponse("403", error(403));
            // Every operation reads PostgreSQL or publishes to the broker: either being down is a 503 (DESIGN §8).
            answers.addApiResponse("503", error(503));
            return operation.responses(answers);
        };
    }

    /**
     * The headers a command endpoint reads through a typed parameter ({@link CommandRequestHeaders}), which springdoc
     * cannot see: each listed as an optional header, ahead of the operation's other parameters.
     */
    @Bean
    OperationCustomizer commandHeaders() {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(
                        CommandRequestHeaders.HEADERS.keySet().toArray(Class<?>[]::new));
        return (operation, handler) -> {
            List<Parameter> headers = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                String name = CommandRequestHeaders.HEADERS.get(parameter.getParameterType());
                if (name != null) {
                    headers.add(new HeaderParameter()
                            .name(name)
                            .required(false)
                            .description(HEADER_DESCRIPTIONS.get(name))
                            .schema(new StringSchema()));
                }
            }
            if (!headers.isEmpty()) {
                if (operation.getParameters() != null) {
                    headers.addAll(operation.getParameters());
                }
                operation.setParameters(headers);
            }
            return operation;
        };
    }

    private static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            Prefer.HEADER,
            "RFC 7240: `respond-async` for a 202 at once, `wait=<seconds>` to wait at most that long for the decision",
            IfMatch.HEADER,
            "The version you read (the ETag), such as `\"3\"`; a change without it is refused with 428");

    /**
     * Springdoc leaves out the body of some {@code ResponseEntity<T>} answers (those of a type with an unwrapped
     * member): described here from {@code T}, whose schema {@link #sharedSchemas()} makes sure of.
     */
    private Content bodyOf(Type returned) {
        if (returned instanceof ParameterizedType entity
                && entity.getActualTypeArguments()[0] instanceof Class<?> body
                && body != Void.class) {
            bodyTypes.add(body);
            return json(body.getSimpleName());
        }
        return null;
    }

    private final Set<Class<?>> bodyTypes = ConcurrentHashMap.newKeySet();

    private static ApiResponse error(int status) {
        return new ApiResponse().description(reason(status)).content(json(ENVELOPE));
    }

    private static Content json(String schema) {
        return new Content()
                .addMediaType(JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static String reason(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? Integer.toString(status) : known.getReasonPhrase();
    }
}
