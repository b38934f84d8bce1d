package io.onramp.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service needs to reach the shared infrastructure, bound from {@code onramp.platform.*}.
 *
 * @param registryUrl the Apicurio core API ({@code …/apis/registry/v3}) the Avro serdes register and fetch schemas at
 * @param topicPartitions partitions of every topic this service creates (bounds the parallelism of the workers)
 * @param topicReplicationFactor replicas of every topic this service creates (1 embedded, 3 in production)
 */
@ConfigurationProperties("onramp.platform")
public record PlatformProperties(
        String registryUrl,
        @DefaultValue("12") int topicPartitions,
        @DefaultValue("1") short topicReplicationFactor) {}
