package io.onramp.gateway.config;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The HS256 secret of {@code application-dev.yml}, public by nature: the gateway refuses to start with it unless the
 * {@code dev} profile is active, and only then reports that development tokens are accepted.
 */
public final class DevelopmentSecret {

    public static final String VALUE = "onramp-development-secret-not-for-production-use";
    public static final String PROFILE = "dev";

    private DevelopmentSecret() {}

    static boolean inUse(GatewayProperties.Jwt jwt) {
        return !jwt.usesJwkSet() && VALUE.equals(jwt.hmacSecret());
    }

    static void refuseOutsideDevelopment(GatewayProperties.Jwt jwt, Environment environment) {
        if (inUse(jwt) && !environment.acceptsProfiles(Profiles.of(PROFILE))) {
            throw new IllegalStateException("Refusing to start: onramp.gateway.jwt.hmac-secret (JWT_HMAC_SECRET) is the"
                    + " public development secret, but the '" + PROFILE + "' profile is not active (active: "
                    + Arrays.toString(environment.getActiveProfiles())
                    + "). Set a secret of your own or a JWK set URI.");
        }
    }
}
