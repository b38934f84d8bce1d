package io.onramp.gateway.interview;

import io.onramp.gateway.error.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Interview ids are UUIDs in their canonical text form; anything else is a 400 before any lookup. */
final class Ids {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Pattern UUID = Pattern.compile(UUID_PATTERN);

    private Ids() {}

    static String requireUuid(String field, String id) {
        if (!UUID.matcher(id).matches()) {
            throw new InvalidRequestException(field, "must be a UUID");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
