package io.onramp.schemas;

/** Record keys of tenant-owned entities: {@code tenant/id}, so that one entity's records stay on one partition. */
public final class Keys {

    private static final char SEPARATOR = '/';

    private Keys() {}

    public static String of(String tenantId, String id) {
        if (tenantId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("tenant id must not contain '" + SEPARATOR + "': " + tenantId);
        }
        return tenantId + SEPARATOR + id;
    }

    /** The id after the tenant: {@code acme/u-7} → {@code u-7}. */
    public static String idOf(String key) {
        return key.substring(tenantOf(key).length() + 1);
    }

    public static String tenantOf(String key) {
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a tenant key: " + key);
        }
        return key.substring(0, at);
    }
}
