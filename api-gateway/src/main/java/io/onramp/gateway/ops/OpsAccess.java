package io.onramp.gateway.ops;

import io.onramp.gateway.error.ForbiddenException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;

/**
 * Who may operate the platform (DESIGN §13): {@code ops:*} counts only in tokens of the configured operator
 * organisation, since dead letters and lag span every tenant; in a tenant's token it is a 403.
 */
final class OpsAccess {

    static final String READ = "ops:read";
    static final String REPLAY = "ops:replay";

    private OpsAccess() {}

    static void require(OpsProperties properties, Caller caller, String permission) {
        if (!properties.isOperator(caller.tenantId())) {
            throw new ForbiddenException(
                    "organization_id", "'" + permission + "' counts only in tokens of the operator organisation");
        }
        if (permission.equals(READ)) {
            Permissions.requireAny(caller, READ, REPLAY);
        } else {
            Permissions.requireAny(caller, permission);
        }
    }
}
