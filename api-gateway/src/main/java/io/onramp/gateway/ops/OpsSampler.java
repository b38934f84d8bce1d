package io.onramp.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The one background sampler of a gateway (DESIGN §13): every interval it reads each consumer group's offsets and
 * counts each dead-letter topic's records, with one admin client and one group-less reader, whatever the number of
 * HTTP requests; the endpoints and the Prometheus gauges show its latest sample. Every gateway instance samples;
 * dashboards take the maximum per group.
 *
 * <p>Gauges, named as kafka-lag-exporter names them: {@code kafka_consumergroup_group_lag} and
 * {@code kafka_consumergroup_group_lag_seconds} per partition, labelled {@code cluster_name, group, topic, partition,
 * member_host, consumer_id, client_id}; {@code kafka_consumergroup_group_max_lag} and
 * {@code kafka_consumergroup_group_max_lag_seconds} per group; {@code onramp_consumergroup_status} (0 OK, 1 WARN,
 * 2 STALL, 3 STOP, 4 ERR) per group; {@code onramp_dead_letters} per dead-letter topic.
 */
@Component
class OpsSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpsSampler.class);

    private final Admin admin;
    private final ConsumerFactory<?, ?> consumers;
    private final DeadLetters deadLetters;
    private final OpsProperties properties;
    private final LagTracker lag;
    private final DeadLetterDepths depths = new DeadLetterDepths();
    private final MultiGauge partitionLag;
    private final MultiGauge partitionLagSeconds;
    private final MultiGauge groupMaxLag;
    private final MultiGauge groupMaxLagSeconds;
    private final MultiGauge groupStatus;
    private final MeterRegistry meters;
    private final Map<String, Long> gaugedDepths = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    private Consumer<byte[], byte[]> reader;

    OpsSampler(
            Admin opsAdmin,
            ConsumerFactory<?, ?> consumers,
            DeadLetters deadLetters,
            OpsProperties properties,
            MeterRegistry meters) {
        this.admin = opsAdmin;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
        this.lag = new LagTracker(properties.lagWindow());
        partitionLag = gauge("kafka_consumergroup_group_lag", "Lag in records of a consumer group on one partition");
        partitionLagSeconds = gauge(
                "kafka_consumergroup_group_lag_seconds",
                "Age of the oldest record a consumer group has not consumed on one partition");
        groupMaxLag = gauge(
                "kafka_consumergroup_group_max_lag", "Largest lag in records of a consumer group over its partitions");
        groupMaxLagSeconds = gauge(
                "kafka_consumergroup_group_max_lag_seconds",
                "Largest lag in seconds of a consumer group over its partitions");
        groupStatus = gauge(
                "onramp_consumergroup_status",
                "Burrow status of a consumer group: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 ERR");
    }

    private MultiGauge gauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(meters);
    }

    LagReport lag() {
        return lag.report();
    }

    Map<String, Long> deadLetterDepths() {
        return depths.depths();
    }

    @Override
    public void start() {
        reader = KafkaReading.consumer(consumers, "ops-sampler", 500);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "ops-sampler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::sample, 0, properties.sampleInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            lag.sample(admin, reader, Instant.now());
            publish(lag.report());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Consumer lag could not be sampled: {}", e.toString());
        }
        try {
            Set<String> topics = deadLetters.deadLetterTopics();
            depths.sample(admin, reader, topics);
            depths.depths().forEach((topic, depth) -> {
                if (gaugedDepths.put(topic, depth) == null) {
                    Gauge.builder("onramp_dead_letters", gaugedDepths, values -> values.getOrDefault(topic, 0L))
                            .description("Dead letters held by a dead-letter topic, counted from its records")
                            .tag("topic", topic)
                            .register(meters);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Dead letters could not be counted: {}", e.toString());
        }
    }

    private void publish(LagReport report) {
        String cluster = properties.clusterName();
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondsRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxSecondsRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        for (var group : report.groups()) {
            Tags groupTags = Tags.of("cluster_name", cluster, "group", group.group());
            long maxLag = 0;
            for (var partition : group.partitions()) {
                Tags tags = groupTags.and(
                        "topic", partition.topic(),
                        "partition", Integer.toString(partition.partition()),
                        "member_host", partition.memberHost(),
                        "consumer_id", partition.consumerId(),
                        "client_id", partition.clientId());
                lagRows.add(MultiGauge.Row.of(tags, partition.lag()));
                secondsRows.add(MultiGauge.Row.of(tags, partition.lagSeconds()));
                maxLag = Math.max(maxLag, partition.lag());
            }
            maxRows.add(MultiGauge.Row.of(groupTags, maxLag));
            maxSecondsRows.add(MultiGauge.Row.of(groupTags, group.maxLagSeconds()));
            statusRows.add(MultiGauge.Row.of(groupTags, group.status().ordinal()));
        }
        partitionLag.register(lagRows, true);
        partitionLagSeconds.register(secondsRows, true);
        groupMaxLag.register(maxRows, true);
        groupMaxLagSeconds.register(maxSecondsRows, true);
        groupStatus.register(statusRows, true);
    }

    @Override
    public void stop() {
        var running = executor;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader.close(OpsConfiguration.CLOSE_TIMEOUT);
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
