package io.onramp.gateway.command;

import io.onramp.gateway.config.GatewayProperties;
import io.onramp.gateway.security.Caller;
import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.CommandHeaders;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandReply;
import io.onramp.schemas.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Publishes a command and waits, up to the configured bound, for the worker's reply: a success is returned, a
 * rejection raised as {@link CommandRejectedException}, and no answer in time as {@link CommandPendingException}. A
 * client that sends {@code Prefer: respond-async} (RFC 7240) is not waited for at all, one that sends {@code Prefer:
 * wait=<seconds>} at most that long.
 */
@Component
public class CommandBus {

    private final RecordPublisher publisher;
    private final PendingReplies pending;
    private final CommandHops hops;
    private final Duration timeout;

    CommandBus(RecordPublisher publisher, PendingReplies pending, CommandHops hops, GatewayProperties properties) {
        this.publisher = publisher;
        this.pending = pending;
        this.hops = hops;
        this.timeout = properties.replyTimeout();
    }

    /**
     * Sends the command {@code build} makes from fresh metadata (a new request id, the caller's tenant and user, now),
     * keyed by {@code key}; {@code prefer} is the request's {@link Prefer}.
     */
    public <V> CommandReply send(
            Caller caller, Topic<String, V> topic, String key, Function<CommandMetadata, V> build, Prefer prefer) {
        String requestId = UUID.randomUUID().toString();
        var metadata = new CommandMetadata(requestId, caller.tenantId(), caller.userId(), Instant.now());
        return send(topic, key, build.apply(metadata), requestId, prefer);
    }

    /**
     * Publishes {@code value} (a {@code null} is a tombstone) on a topic whose records are not commands but state, such
     * as {@code people}, with the request id and the caller in {@link CommandHeaders}; the worker applying it answers
     * like any command.
     */
    public <V> CommandReply sendRecord(Caller caller, Topic<String, V> topic, String key, V value, Prefer prefer) {
        String requestId = UUID.randomUUID().toString();
        var headers = Map.of(CommandHeaders.REQUEST_ID, requestId, CommandHeaders.USER_ID, caller.userId());
        return send(() -> publisher.publish(topic, key, value, headers), requestId, prefer);
    }

    private <V> CommandReply send(Topic<String, V> topic, String key, V command, String requestId, Prefer prefer) {
        return send(() -> publisher.publish(topic, key, command), requestId, prefer);
    }

    private CommandReply send(Runnable publish, String requestId, Prefer prefer) {
        if (prefer.respondAsync()) {
            publish.run();
            throw new CommandPendingException(requestId);
        }
        var reply = pending.expect(requestId);
        try {
            long started = System.currentTimeMillis();
            publish.run();
            long published = System.currentTimeMillis();
            ReceivedReply received = reply.get(prefer.waitMillis(timeout), TimeUnit.MILLISECONDS);
            hops.record(started, published, received);
            CommandReply answer = received.reply();
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
