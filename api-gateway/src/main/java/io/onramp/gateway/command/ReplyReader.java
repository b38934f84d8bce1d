package io.onramp.gateway.command;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Receives every worker reply. Each gateway instance reads every partition of the reply topic from its end with
 * {@code assign()}, joining no consumer group and committing nothing, so that a restart leaves no group behind for
 * operators to mistake for a stopped consumer (DESIGN §13). It reports healthy only once it holds every partition,
 * so that no reply to a request it accepted can pass unseen.
 *
 * <p>Partitions are listed once at start: adding partitions to {@code command-replies} needs a gateway restart.
 */
@Component
class ReplyReader implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReplyReader.class);

    private final Topics topics;
    private final PendingReplies pending;
    private final ConsumerFactory<?, ?> consumers;
    private final AtomicBoolean assigned = new AtomicBoolean();
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;

    ReplyReader(Topics topics, PendingReplies pending, ConsumerFactory<?, ?> consumers) {
        this.topics = topics;
        this.pending = pending;
        this.consumers = consumers;
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "gateway-replies");
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void run() {
        try (var reader = (Consumer<String, byte[]>) consumers.createConsumer(
                null,
                "gateway-replies",
                null,
                properties(Map.of(
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")))) {
            consumer = reader;
            List<TopicPartition> partitions = reader.partitionsFor(Topics.COMMAND_REPLIES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position); // fix the start now: nothing from here on may be missed
            assigned.set(true);
            while (!Thread.currentThread().isInterrupted()) {
                for (var record : reader.poll(Duration.ofSeconds(1))) {
                    try {
                        pending.complete(
                                ReceivedReply.of(RecordPublisher.read(topics.commandReplies, record.value()), record));
                    } catch (RuntimeException unreadable) {
                        log.warn(
                                "Skipping unreadable reply at {}-{}@{}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                unreadable);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked
        } catch (RuntimeException e) {
            log.error("The reply reader stopped; commands will answer 202 until the gateway restarts", e);
        } finally {
            assigned.set(false);
        }
    }

    private static java.util.Properties properties(Map<String, String> values) {
        var properties = new java.util.Properties();
        properties.putAll(values);
        return properties;
    }

    @Override
    public void stop() {
        var reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        var running = thread;
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public Health health() {
        var health = assigned.get() ? Health.up() : Health.down().withDetail("reason", "reply topic not yet assigned");
        return health.withDetail("waiting", pending.size()).build();
    }
}
