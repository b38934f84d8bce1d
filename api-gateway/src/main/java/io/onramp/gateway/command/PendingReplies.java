package io.onramp.gateway.command;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The commands this gateway instance is waiting on, by request id. Replies nobody waits for are ignored. */
@Component
class PendingReplies {

    private final Map<String, CompletableFuture<ReceivedReply>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<ReceivedReply> expect(String requestId) {
        return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    void forget(String requestId) {
        waiting.remove(requestId);
    }

    void complete(ReceivedReply reply) {
        var future = waiting.remove(reply.reply().getRequestId());
        if (future != null) {
            future.complete(reply);
        }
    }

    int size() {
        return waiting.size();
    }
}
