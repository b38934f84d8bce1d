package io.onramp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    @Test
    void shouldMintAnHs256TokenWithTheGatewayClaims() throws Exception {
        String token = DevTokens.mint("u-1", "acme", List.of("interviews:manage"), Duration.ofMinutes(5));

        var jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(DevTokens.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("u-1");
        assertThat(claims.getStringClaim("organization_id")).isEqualTo("acme");
        assertThat(claims.getStringListClaim("permissions")).containsExactly("interviews:manage");
        assertThat(claims.getStringClaim("email")).isEqualTo("u-1@example.com");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void shouldRefuseToMintWhenNoDevelopmentGatewayAnswers() {
        var arguments = new Launcher.Arguments(
                new String[] {"token", "--sub", "u-1", "--org", "acme", "--gateway", "http://127.0.0.1:" + Ports.free()
                });

        assertThat(TokenCommand.run(arguments)).isEqualTo(1);
    }
}
