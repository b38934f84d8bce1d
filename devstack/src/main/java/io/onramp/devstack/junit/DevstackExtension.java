package io.onramp.devstack.junit;

import io.onramp.devstack.Infrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Makes sure the devstack infrastructure runs before a test class (started once per JVM by {@link DevstackFixture})
 * and injects it into test methods and constructors that ask for an {@link Infrastructure}.
 */
public final class DevstackExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        DevstackFixture.infrastructure();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return DevstackFixture.infrastructure();
    }
}
