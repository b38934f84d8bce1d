package io.onramp.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.PreconditionRequiredException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "3", "W/\"3\"", " \"3\" "})
    void theVersionTheClientRead(String header) {
        assertThat(new IfMatch(header).version()).isEqualTo(3);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void withoutItAChangeIsRefusedAsPreconditionRequired(String header) {
        assertThatThrownBy(() -> new IfMatch(header).version()).isInstanceOf(PreconditionRequiredException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"v3\"", "-1", "3.0", "\"3\", \"4\"", "1234567890123456789"})
    void anythingButAVersionIsABadRequest(String header) {
        assertThatThrownBy(() -> new IfMatch(header).version())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be a version");
    }
}
