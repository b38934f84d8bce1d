package io.onramp.gateway.command;

/** The worker has not answered within the gateway's wait: the client gets 202 and polls the request. */
public final class CommandPendingException extends RuntimeException {

    private final String requestId;

    CommandPendingException(String requestId) {
        super("Request " + requestId + " is still being processed");
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
