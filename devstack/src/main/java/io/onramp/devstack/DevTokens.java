package io.onramp.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Development tokens: HS256 JWTs with the claims the gateway reads ({@code sub}, {@code email},
 * {@code organization_id}, {@code permissions}, {@code exp}, {@code iat}). The gateway accepts the development secret
 * only under its {@code dev} profile.
 */
public final class DevTokens {

    /** The gateway's development secret ({@code application-dev.yml}); never valid outside the dev profile. */
    public static final String DEVELOPMENT_SECRET = "onramp-development-secret-not-for-production-use";

    private DevTokens() {}

    public static String mint(String subject, String organizationId, List<String> permissions, Duration ttl) {
        return mint(
                DEVELOPMENT_SECRET,
                subject,
                organizationId,
                permissions,
                Instant.now().plus(ttl));
    }

    /** A token signed with any secret and expiring at any time, for tests of what the gateway must refuse. */
    public static String mint(
            String secret, String subject, String organizationId, List<String> permissions, Instant expiresAt) {
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("email", subject + "@example.com")
                .claim("organization_id", organizationId)
                .claim("roles", List.of())
                .claim("permissions", permissions)
                .issueTime(Date.from(Instant.now().minusSeconds(1)))
                .expirationTime(Date.from(expiresAt))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with that secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
