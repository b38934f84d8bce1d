package io.onramp.access.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-worker's own settings, bound from {@code onramp.access-worker.*}.
 *
 * @param projectionConcurrency consumer threads projecting outcomes into PostgreSQL (at most the topic's partitions)
 */
@ConfigurationProperties("onramp.access-worker")
public record AccessWorkerProperties(@DefaultValue("2") int projectionConcurrency) {}
