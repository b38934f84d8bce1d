package io.onramp.gateway.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations settings, bound from {@code onramp.gateway.ops.*} (DESIGN §13).
 *
 * @param operatorOrganization the {@code organization_id} whose tokens may use {@code ops:*}; none when blank, so
 *     nobody is an operator until it is configured
 * @param clusterName the {@code cluster_name} label of the lag gauges
 * @param sampleInterval how often the sampler reads every group's offsets and counts the dead letters
 * @param lagWindow the sliding window a group's status is judged over
 * @param maxReplays how often one record's line may be replayed; the next replay is refused
 */
@ConfigurationProperties("onramp.gateway.ops")
public record OpsProperties(
        String operatorOrganization,
        @DefaultValue("onramp") String clusterName,
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("60s") Duration lagWindow,
        @DefaultValue("3") int maxReplays) {

    public boolean isOperator(String organization) {
        return operatorOrganization != null
                && !operatorOrganization.isBlank()
                && operatorOrganization.equals(organization);
    }
}
