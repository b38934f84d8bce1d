package io.onramp.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * The body of every non-2xx answer: {@code {"status":"error","code":403,"message":"…","errors":[{"field":"…",
 * "error":"…","user_permissions":[…]}]}}.
 */
public record ErrorEnvelope(String status, int code, String message, List<Item> errors) {

    public ErrorEnvelope {
        errors = List.copyOf(errors);
    }

    public static ErrorEnvelope of(int code, String message, List<Item> errors) {
        return new ErrorEnvelope("error", code, message, errors);
    }

    public static ErrorEnvelope of(int code, String message, String field, String error) {
        return of(code, message, List.of(Item.of(field, error)));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String field, String error, Set<String> userPermissions) {

        public static Item of(String field, String error) {
            return new Item(field, error, null);
        }
    }
}
