package io.onramp.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, bound from {@code onramp.gateway.*}.
 *
 * @param jwt how tokens are verified
 * @param replyTimeout how long a command waits for its worker's reply before answering {@code 202 Accepted}
 * @param outcomeSchemas the worker schemas whose {@code command_outcomes} tables answer {@code GET /requests/{id}}
 */
@ConfigurationProperties("onramp.gateway")
public record GatewayProperties(
        Jwt jwt,
        @DefaultValue("5s") Duration replyTimeout,

        @DefaultValue({"access", "workflow", "notification"})
        List<String> outcomeSchemas) {

    /**
     * @param hmacSecret shared HS256 secret (at least 32 bytes), used when no JWK set URI is given
     * @param jwkSetUri where RS256/ES256 public keys are published; takes precedence over the secret
     */
    public record Jwt(String hmacSecret, String jwkSetUri) {

        public boolean usesJwkSet() {
            return jwkSetUri != null && !jwkSetUri.isBlank();
        }
    }
}
