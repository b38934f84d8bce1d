package io.onramp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.onramp.devstack.DevTokens;
import io.onramp.gateway.web.WebLayerTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a bearer token can be wrong is a 401 in the envelope (DESIGN §5), and a token is read only from the
 * {@code Authorization} header.
 */
class TokenWebTest extends WebLayerTest {

    private static final String PATH = "/api/v1/interviews";
    private static final byte[] SECRET = DevTokens.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8);

    private static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder()
                .subject("u-1")
                .claim("organization_id", "acme")
                .claim("permissions", List.of("interviews:read"))
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static String hs(JWSAlgorithm algorithm, JWTClaimsSet claims, byte[] secret) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(UnaryOperator<JWTClaimsSet.Builder> change) {
        return hs(JWSAlgorithm.HS256, change.apply(valid()).build(), SECRET);
    }

    static Stream<Arguments> refused() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var keys = rsa.generateKeyPair();
        var rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), valid().build());
        rs256.sign(new RSASSASigner(keys.getPrivate()));
        byte[] longSecret =
                (DevTokens.DEVELOPMENT_SECRET + DevTokens.DEVELOPMENT_SECRET).getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(
                        "expired",
                        hs256(b -> b.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))))),
                Arguments.of(
                        "not yet valid (nbf in an hour)",
                        hs256(b -> b.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))))),
                Arguments.of("no expiry", hs256(b -> b.expirationTime(null))),
                Arguments.of(
                        "issued in an hour",
                        hs256(b -> b.issueTime(Date.from(Instant.now().plus(Duration.ofHours(1)))))),
                Arguments.of(
                        "signed with another key",
                        hs(
                                JWSAlgorithm.HS256,
                                valid().build(),
                                "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("HS512 header", hs(JWSAlgorithm.HS512, valid().build(), longSecret)),
                Arguments.of("RS256 header, a key the gateway does not know", rs256.serialize()),
                Arguments.of("alg none", new PlainJWT(valid().build()).serialize()),
                Arguments.of("no subject", hs256(b -> b.subject(null))),
                Arguments.of("blank subject", hs256(b -> b.subject("  "))),
                Arguments.of("no organisation", hs256(b -> b.claim("organization_id", null))),
                Arguments.of("organisation not a string", hs256(b -> b.claim("organization_id", 42))),
                Arguments.of("organisation with a separator", hs256(b -> b.claim("organization_id", "acme/globex"))),
                Arguments.of("organisation too long", hs256(b -> b.claim("organization_id", "a".repeat(129)))),
                Arguments.of("truncated", hs256(b -> b).substring(0, 40)),
                Arguments.of("not a JWT", "garbage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWith401InTheEnvelope(String what, String token) {
        assertEnvelope(call("GET", PATH, "Bearer " + token, null), 401, "authorization");
    }

    @Test
    void aValidTokenPasses() {
        assertThat(call("GET", PATH, "Bearer " + hs256(b -> b), null)).hasStatusOk();
    }

    @Test
    void aTokenIsReadOnlyFromTheAuthorizationHeader() {
        String token = hs256(b -> b);
        assertEnvelope(call("GET", PATH + "?access_token=" + token, null, null), 401);
        assertEnvelope(
                mvc.get()
                        .uri(PATH)
                        .header("Cookie", "access_token=" + token + "; token=" + token)
                        .exchange(),
                401);
        assertEnvelope(call("GET", PATH, "Basic " + token, null), 401);
    }
}
