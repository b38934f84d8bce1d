package io.onramp.gateway.error;

/** Java property paths as the API spells them ({@code config.isDefaultAccessAllowed → config.is_default_access_allowed}). */
final class JsonNames {

    private JsonNames() {}

    static String of(String javaPath) {
        var out = new StringBuilder(javaPath.length() + 8);
        for (char c : javaPath.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
