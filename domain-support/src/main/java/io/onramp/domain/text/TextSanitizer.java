package io.onramp.domain.text;

import java.util.regex.Pattern;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Text fields through the OWASP Java HTML Sanitizer. Plain-text fields lose every tag (and what a script or style
 * element held) and keep their text, decoded, so "R&amp;D" stays "R&amp;D" to a reader; notes keep a small safe subset
 * of formatting as sanitised HTML.
 */
public final class TextSanitizer {

    private static final PolicyFactory NO_MARKUP = new HtmlPolicyBuilder().toFactory();

    private static final PolicyFactory NOTES = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    /** A numeric character reference to a code point above U+FFFF: never markup, whatever it stands for. */
    private static final Pattern SUPPLEMENTARY_REFERENCE =
            Pattern.compile("&#x([1-9a-fA-F][0-9a-fA-F]{4}|10[0-9a-fA-F]{4});");

    private TextSanitizer() {}

    /**
     * The text with no markup at all. Sanitising and decoding repeat until nothing changes, so markup smuggled in as
     * entities ({@code &lt;script&gt;}) is removed too rather than decoded into live markup.
     */
    public static String plainText(String value) {
        if (value == null) {
            return null;
        }
        String current = value;
        for (int round = 0; round < 5; round++) {
            String next =
                    Encoding.decodeHtml(NO_MARKUP.sanitize(current), false).strip();
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current.replace("<", "").replace(">", "");
    }

    /**
     * Sanitised HTML keeping paragraphs, line breaks, emphasis, lists and http(s)/mailto links. Characters beyond the
     * Basic Multilingual Plane (emoji, rarer CJK) stay characters: the sanitizer writes them as numeric references, which
     * mean the same to a browser but not to a mail, a CSV file or a search.
     */
    public static String notes(String value) {
        return value == null
                ? null
                : supplementaryAsCharacters(NOTES.sanitize(value).strip());
    }

    private static String supplementaryAsCharacters(String html) {
        return SUPPLEMENTARY_REFERENCE
                .matcher(html)
                .replaceAll(match -> Character.toString(Integer.parseInt(match.group(1), 16)));
    }
}
