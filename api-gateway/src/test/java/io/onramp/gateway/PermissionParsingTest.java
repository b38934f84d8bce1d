package io.onramp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.gateway.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionParsingTest {

    @Test
    void shouldLetAnAllPermissionSatisfyItsPlainForm() {
        var caller = new Caller("u-1", null, "acme", Set.of("interviews:read_all"));

        assertThat(caller.has("interviews:read")).isTrue();
        assertThat(caller.has("interviews:manage")).isFalse();
    }
}
