package io.onramp.access.config;

import io.onramp.timers.TimerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-worker's own settings, bound from {@code onramp.access-worker.*}.
 *
 * @param projectionConcurrency consumer threads projecting outcomes into PostgreSQL (at most the topic's partitions)
 * @param timerInterval how often attempts past their scheduled end are looked for (at most 250 ms)
 * @param timersPerPunctuation at most this many attempts expire per look, so a backlog drains in steps
 */
@ConfigurationProperties("onramp.access-worker")
public record AccessWorkerProperties(
        @DefaultValue("2") int projectionConcurrency,
        @DefaultValue("100ms") Duration timerInterval,
        @DefaultValue("2000") int timersPerPunctuation) {

    TimerSettings timers() {
        return new TimerSettings(timerInterval, timersPerPunctuation);
    }
}
