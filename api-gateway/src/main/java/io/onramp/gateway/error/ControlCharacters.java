package io.onramp.gateway.error;

/**
 * Text the platform accepts holds no control characters but tab, line feed and carriage return: a NUL cannot be
 * stored in PostgreSQL, and the others have no business in names, notes or query parameters.
 */
public final class ControlCharacters {

    public static final String REFUSAL = "must not contain control characters";

    private ControlCharacters() {}

    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
