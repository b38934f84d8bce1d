package io.onramp.gateway.command;

import io.onramp.gateway.error.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Resource ids are UUIDs in their canonical text form, kept lower-case; anything else is a 400 before any lookup. */
public final class Ids {

    public static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Pattern UUID = Pattern.compile(UUID_PATTERN);

    private Ids() {}

    public static String requireUuid(String field, String id) {
        if (!UUID.matcher(id).matches()) {
            throw new InvalidRequestException(field, "must be a UUID");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
