package io.onramp.gateway.command;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command request's {@code Prefer} header (RFC 7240): {@code respond-async} asks not to be waited for at all,
 * {@code wait=<seconds>} to be waited for at most that long. A controller takes it as a parameter of this type
 * ({@link CommandRequestHeaders} reads it, the API description lists the header); {@link CommandBus} acts on it.
 *
 * @param header the header as sent, or {@code null}
 */
public record Prefer(String header) {

    public static final String HEADER = "Prefer";

    private static final String RESPOND_ASYNC = "respond-async";
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?(?:$|[,;\\s])");

    boolean respondAsync() {
        return header != null && header.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
    }

    /**
     * How long to wait for the reply: {@code bound}, or less if the client asked for less with {@code wait=<seconds>}
     * (RFC 7240 §4.3). A malformed preference is ignored, as RFC 7240 asks.
     */
    long waitMillis(Duration bound) {
        long millis = bound.toMillis();
        if (header == null) {
            return millis;
        }
        Matcher wait = WAIT.matcher(header.toLowerCase(Locale.ROOT));
        return wait.find() ? Math.min(millis, Long.parseLong(wait.group(1)) * 1_000) : millis;
    }
}
