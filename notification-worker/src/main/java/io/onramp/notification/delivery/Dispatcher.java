package io.onramp.notification.delivery;

import io.onramp.notification.adapters.jdbc.DeliveryLog;
import io.onramp.notification.adapters.mail.SmtpSender;
import io.onramp.notification.domain.DeliveryPolicy;
import io.onramp.notification.domain.Outgoing;
import io.onramp.notification.domain.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sender threads: each claims a batch of due notifications under its lease, sends them over one SMTP connection and
 * records each result as the {@link DeliveryPolicy} decides. A sender sleeps until woken by new work or, at the
 * latest, the poll interval (which finds retries falling due and work other instances logged).
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    /** How the dispatcher runs: see {@code NotificationWorkerProperties}. */
    public record Settings(int senders, int batchSize, Duration lease, Duration pollInterval) {}

    private final DeliveryLog deliveryLog;
    private final SmtpSender smtp;
    private final DeliveryPolicy policy;
    private final DeliveryMetrics metrics;
    private final Settings settings;
    private final Clock clock;
    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private long wakeups;
    private volatile boolean running;
    private List<Thread> threads = List.of();

    public Dispatcher(
            DeliveryLog deliveryLog,
            SmtpSender smtp,
            DeliveryPolicy policy,
            DeliveryMetrics metrics,
            Settings settings,
            Clock clock,
            String owner) {
        this.deliveryLog = deliveryLog;
        this.smtp = smtp;
        this.policy = policy;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    /** New work was logged: senders waiting for some look at once. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Claims one batch and delivers it; returns how many notifications it held. The senders loop over this; tests call
     * it directly.
     */
    public int deliverOnce() {
        List<Outgoing> batch = deliveryLog.claim(owner, settings.batchSize(), settings.lease(), clock.instant());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, SmtpSender.Result> sent = smtp.send(batch);
        Instant now = clock.instant();
        List<DeliveryLog.Result> results = new ArrayList<>(batch.size());
        for (Outgoing notification : batch) {
            SmtpSender.Result result = sent.get(notification.id());
            DeliveryPolicy.Next next = policy.after(
                    result.outcome(), notification.attempts(), now, ThreadLocalRandom.current()::nextDouble);
            results.add(new DeliveryLog.Result(notification.id(), next, result.error()));
        }
        // One transaction for the batch: the sends are already out, so a crash before it commits leaves all of them
        // "sending" until the lease runs out (then unknown), never to be sent again by themselves.
        boolean[] recorded = deliveryLog.record(owner, results, now);
        for (int i = 0; i < batch.size(); i++) {
            observe(batch.get(i), results.get(i), recorded[i], now);
        }
        return batch.size();
    }

    private void observe(Outgoing notification, DeliveryLog.Result result, boolean recorded, Instant now) {
        Status status = result.next().status();
        if (!recorded) {
            log.warn(
                    "Notification {} was no longer leased to {} when its send ended {}: left as the log has it",
                    notification.id(),
                    owner,
                    status.label());
            return;
        }
        metrics.changed(notification.kind(), status);
        if (status == Status.SENT) {
            metrics.delivered(Duration.between(notification.sourceOccurredAt(), now));
        } else {
            log.info(
                    "Notification {} ({} try): {} → {}",
                    notification.id(),
                    notification.attempts(),
                    result.error(),
                    status.label());
        }
    }

    private void loop() {
        while (running) {
            long seen = wakeupsSoFar();
            int delivered;
            try {
                delivered = deliverOnce();
            } catch (RuntimeException e) {
                log.error("Delivering notifications failed; trying again", e);
                delivered = 0;
            }
            if (delivered < settings.batchSize()) {
                awaitWork(seen);
            }
        }
    }

    private long wakeupsSoFar() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork(long seen) {
        lock.lock();
        try {
            if (wakeups == seen && running) {
                work.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        threads = java.util.stream.IntStream.range(0, settings.senders())
                .mapToObj(i -> new Thread(this::loop, "notification-sender-" + i))
                .toList();
        threads.forEach(thread -> {
            thread.setDaemon(true); // one left behind by stop() must not hold the JVM up
            thread.start();
        });
    }

    @Override
    public void stop() {
        running = false;
        wake();
        // A sender in the middle of a batch finishes it (each mail is bounded by the SMTP timeout); one still busy
        // after this is left behind, and what it holds becomes unknown when its lease runs out.
        for (Thread thread : threads) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
