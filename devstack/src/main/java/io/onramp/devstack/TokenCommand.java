package io.onramp.devstack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code onramp token}: prints a development token, and refuses unless the gateway it will be used against reports
 * that it accepts development tokens (it does only with the development secret under the dev profile).
 */
final class TokenCommand {

    static final String DEVELOPMENT_MARKER = "\"development_tokens\":true";

    private TokenCommand() {}

    static int run(Launcher.Arguments arguments) {
        String subject = arguments.option("--sub", null);
        String organization = arguments.option("--org", null);
        String permissions = arguments.option("--permissions", "");
        if (subject == null || organization == null) {
            System.err.println("onramp token: --sub and --org are required");
            return 2;
        }
        String gateway = arguments.option("--gateway", "http://127.0.0.1:" + Ports.GATEWAY);
        if (!Http.answers(gateway + "/actuator/info", DEVELOPMENT_MARKER)) {
            System.err.println("onramp token: refused. The gateway at " + gateway + " does not report that it uses the"
                    + " development secret (it must be running with the dev profile, as './onramp run' starts it)."
                    + " Development tokens are never minted for a gateway with a real secret.");
            return 1;
        }
        List<String> granted = permissions.isBlank() ? List.of() : Arrays.asList(permissions.split(","));
        Duration ttl = Duration.ofMinutes(Long.parseLong(arguments.option("--ttl-minutes", "60")));
        System.out.println(DevTokens.mint(subject, organization, granted, ttl));
        return 0;
    }
}
