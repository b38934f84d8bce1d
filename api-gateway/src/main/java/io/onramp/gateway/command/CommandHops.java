package io.onramp.gateway.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Where a command's time goes, hop by hop, as the timer {@code onramp.command.hop} (Prometheus
 * {@code onramp_command_hop_seconds}, tag {@code hop}), so that a slow path can be located rather than guessed at:
 * <ul>
 *   <li>{@code publish}: the gateway's send of the command until the broker acknowledged it;
 *   <li>{@code decide}: from then until the worker's Streams app decided it — its poll and processing, and any
 *       wait for the stream thread;
 *   <li>{@code commit}: from the decision until the worker's projector saw it — the exactly-once commit that makes it
 *       visible, and the projector's fetch, including any wait for the projector to finish its previous batch;
 *   <li>{@code project}: the projector's PostgreSQL transaction;
 *   <li>{@code reply}: from the read model having it until this gateway read the reply.
 * </ul>
 * What remains of a request (HTTP, token, the read of the answer, JSON) is its total less these. The clocks are the
 * machines' wall clocks: across hosts, a hop is off by their skew.
 */
@Component
class CommandHops {

    private final Timer publish;
    private final Timer decide;
    private final Timer commit;
    private final Timer project;
    private final Timer reply;

    CommandHops(MeterRegistry registry) {
        publish = timer(registry, "publish");
        decide = timer(registry, "decide");
        commit = timer(registry, "commit");
        project = timer(registry, "project");
        reply = timer(registry, "reply");
    }

    void record(long started, long published, ReceivedReply received) {
        publish.record(between(started, published));
        if (received.timed()) {
            if (received.stampedDecision()) {
                decide.record(between(published, received.decidedAt()));
                commit.record(between(received.decidedAt(), received.outcomeSeenAt()));
            }
            project.record(between(received.outcomeSeenAt(), received.projectedAt()));
            reply.record(between(received.projectedAt(), received.receivedAt()));
        }
    }

    private static Duration between(long from, long to) {
        return Duration.ofMillis(Math.max(0, to - from));
    }

    private static Timer timer(MeterRegistry registry, String hop) {
        return Timer.builder("onramp.command.hop")
                .description("Time a command spends on one hop of its path")
                .tag("hop", hop)
                .register(registry);
    }
}
