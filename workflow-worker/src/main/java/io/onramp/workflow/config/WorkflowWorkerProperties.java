package io.onramp.workflow.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workflow-worker's own settings, bound from {@code onramp.workflow-worker.*}.
 *
 * @param projectionConcurrency consumer threads projecting outcomes into PostgreSQL (at most the topic's partitions)
 * @param seedTenants tenants given the default guest onboarding definition ({@code guest-onboarding}) at startup;
 *     storing it again is harmless (same content, same version)
 */
@ConfigurationProperties("onramp.workflow-worker")
public record WorkflowWorkerProperties(
        @DefaultValue("2") int projectionConcurrency,
        @DefaultValue List<String> seedTenants) {}
