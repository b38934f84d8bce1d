package io.onramp.gateway.error;

import tools.jackson.databind.DatabindException;

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

    /** Where in the request body a value could not be bound: {@code candidate.timezone}, {@code interviewer_ids[1]}. */
    static String path(DatabindException e) {
        var out = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
