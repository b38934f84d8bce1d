package io.onramp.gateway.command;

import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.PreconditionRequiredException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change's {@code If-Match} header: the version of the resource the client read. A controller takes it as a
 * parameter of this type ({@link CommandRequestHeaders} reads it, the API description lists the header) and asks for
 * {@link #version()} once the caller may change the resource, so a caller without the permission hears 403, not 428.
 *
 * @param header the header as sent, or {@code null}
 */
public record IfMatch(String header) {

    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    /**
     * The version from {@code If-Match: "3"} (also {@code 3} or {@code W/"3"}); 428 without the header, 400 when it is
     * not a version.
     */
    public long version() {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException(
                    "is required: send the version you read, as If-Match: \"<version>\"");
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException(HEADER, "must be a version, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
