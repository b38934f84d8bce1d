package io.onramp.gateway.command;

import io.onramp.gateway.config.GatewayProperties;
import io.onramp.gateway.security.Caller;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Publishes a command and waits, up to the configured bound, for the worker's reply: a success is returned, a
 * rejection raised as {@link CommandRejectedException}, and no answer in time as {@link CommandPendingException}. A
 * client that sends {@code Prefer: respond-async} (RFC 7240) is not waited for at all.
 */
@Component
public class CommandBus {

    private static final String RESPOND_ASYNC = "respond-async";

    private final RecordPublisher publisher;
    private final PendingReplies pending;
    private final Duration timeout;

    CommandBus(RecordPublisher publisher, PendingReplies pending, GatewayProperties properties) {
        this.publisher = publisher;
        this.pending = pending;
        this.timeout = properties.replyTimeout();
    }

    /**
     * Sends the command {@code build} makes from fresh metadata (a new request id, the caller's tenant and user, now),
     * keyed by {@code key}; {@code prefer} is the request's {@code Prefer} header, if any.
     */
    public <V> CommandReply send(
            Caller caller, Topic<String, V> topic, String key, Function<CommandMetadata, V> build, String prefer) {
        String requestId = UUID.randomUUID().toString();
        var metadata = new CommandMetadata(requestId, caller.tenantId(), caller.userId(), Instant.now());
        return send(topic, key, build.apply(metadata), requestId, prefer);
    }

    private <V> CommandReply send(Topic<String, V> topic, String key, V command, String requestId, String prefer) {
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC)) {
            publisher.publish(topic, key, command);
            throw new CommandPendingException(requestId);
        }
        var reply = pending.expect(requestId);
        try {
            publisher.publish(topic, key, command);
            CommandReply answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (CommandRejectedException.isRejection(answer.getOutcome())) {
                throw new CommandRejectedException(answer);
            }
            return answer;
        } catch (TimeoutException e) {
            throw new CommandPendingException(requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandPendingException(requestId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the reply to " + requestId + " failed", e.getCause());
        } finally {
            pending.forget(requestId);
        }
    }
}
