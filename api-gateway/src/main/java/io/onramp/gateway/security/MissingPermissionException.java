package io.onramp.gateway.security;

import java.util.Set;
import java.util.TreeSet;

/** The caller's token does not grant what the request needs: a 403 that names the permission. */
public final class MissingPermissionException extends RuntimeException {

    private final String required;
    private final Set<String> held;

    MissingPermissionException(String required, Set<String> held) {
        super("Required permission: " + required);
        this.required = required;
        this.held = new TreeSet<>(held);
    }

    public String required() {
        return required;
    }

    public Set<String> held() {
        return held;
    }
}
