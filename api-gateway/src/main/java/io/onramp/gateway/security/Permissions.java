package io.onramp.gateway.security;

import java.util.Arrays;

/** The permission names the gateway checks (DESIGN §5), and the check itself. */
public final class Permissions {

    public static final String INTERVIEWS_MANAGE = "interviews:manage";
    public static final String INTERVIEWS_READ = "interviews:read";
    public static final String INTERVIEWS_READ_ALL = "interviews:read_all";
    public static final String INTERVIEWS_CREATE = "interviews:create";
    public static final String INTERVIEWS_UPDATE = "interviews:update";
    public static final String INTERVIEWS_DELETE = "interviews:delete";
    public static final String INTERVIEWS_EXPORT = "interviews:export";
    public static final String ACCESS_GRANT = "access:grant";
    public static final String ACCESS_REVOKE = "access:revoke";
    public static final String ACCESS_READ = "access:read";
    public static final String SCHEDULES_CREATE = "schedules:create";
    public static final String SCHEDULES_UPDATE = "schedules:update";
    public static final String SCHEDULES_READ = "schedules:read";
    public static final String SCHEDULES_READ_ALL = "schedules:read_all";
    public static final String SCHEDULES_FEEDBACK = "schedules:feedback";
    public static final String WORKFLOWS_READ = "workflows:read";
    public static final String WORKFLOWS_READ_ALL = "workflows:read_all";
    public static final String WORKFLOWS_UPDATE = "workflows:update";
    public static final String WORKFLOWS_REVIEW = "workflows:review";
    public static final String WORKFLOWS_MANAGE = "workflows:manage";
    public static final String PEOPLE_READ = "people:read";
    public static final String PEOPLE_MANAGE = "people:manage";
    public static final String NOTIFICATIONS_READ = "notifications:read";
    public static final String NOTIFICATIONS_MANAGE = "notifications:manage";

    private Permissions() {}

    /** Passes when the caller holds any of {@code permissions}; otherwise a 403 naming the first. */
    public static void requireAny(Caller caller, String... permissions) {
        if (Arrays.stream(permissions).noneMatch(caller::has)) {
            throw new MissingPermissionException(permissions[0], caller.permissions());
        }
    }
}
