package io.onramp.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.devstack.DevTokens;
import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.DevstackExtension;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The public development secret must never protect a gateway that is not running the dev profile. */
@ExtendWith(DevstackExtension.class)
class DevelopmentSecretTest {

    @Test
    void shouldRefuseToStartWithTheDevelopmentSecretOutsideTheDevProfile(Infrastructure infrastructure) {
        var args = new ArrayList<String>();
        infrastructure.serviceEnvironment().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--JWT_HMAC_SECRET=" + DevTokens.DEVELOPMENT_SECRET);
        args.add("--server.port=0");
        args.add("--spring.profiles.active=prod");

        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                        .run(args.toArray(String[]::new))
                        .close())
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("development secret");
    }
}
