package io.onramp.schemas;

/**
 * Headers of a record the gateway publishes on a public topic as a command (a {@code PersonEvent} or its tombstone on
 * {@code people}): the worker that applies it answers on {@code command-replies} with this request id. Records from
 * upstream systems carry none and get no answer.
 */
public final class CommandHeaders {

    public static final String REQUEST_ID = "onramp-request-id";
    public static final String USER_ID = "onramp-user-id";

    private CommandHeaders() {}
}
