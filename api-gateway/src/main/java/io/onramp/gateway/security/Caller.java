package io.onramp.gateway.security;

import java.util.Set;

/**
 * Who is calling, from their verified token: the user, their tenant and the well-formed permissions they hold.
 *
 * @param userId the {@code sub} claim
 * @param tenantId the {@code organization_id} claim; every read and write is confined to it
 */
public record Caller(String userId, String email, String tenantId, Set<String> permissions) {

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    /** Holds the permission, or its {@code _all} form where that implies it ({@code interviews:read_all} ⇒ read). */
    public boolean has(String permission) {
        return permissions.contains(permission) || permissions.contains(permission + "_all");
    }
}
