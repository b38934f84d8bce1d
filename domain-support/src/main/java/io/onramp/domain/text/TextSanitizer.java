package io.onramp.domain.text;

import java.text.Normalizer;
import java.util.regex.Matcher;
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

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#x([0-9a-fA-F]{1,6});");

    /** The characters the sanitizer itself writes as references, and what must not come back through a folding. */
    private static final String HTML_SIGNIFICANT = "<>&\"'`=+@{}";

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
     * Sanitised HTML keeping paragraphs, line breaks, emphasis, lists and http(s)/mailto links. The sanitizer writes
     * some non-ASCII characters as numeric references (emoji and everything beyond U+FFFF, Arabic presentation forms,
     * the fullwidth and halfwidth forms CJK text uses, such as "：" and "（"): a browser shows them, but a mail, a
     * CSV file or a search sees "&#xff1a;". They are turned back into characters, except those that fold to a character
     * HTML gives a meaning (such as the fullwidth "＜"), which stay references.
     */
    public static String notes(String value) {
        return value == null
                ? null
                : referencesAsCharacters(NOTES.sanitize(value).strip());
    }

    private static String referencesAsCharacters(String html) {
        return NUMERIC_REFERENCE.matcher(html).replaceAll(match -> {
            int codePoint = Integer.parseInt(match.group(1), 16);
            return Matcher.quoteReplacement(isHarmless(codePoint) ? Character.toString(codePoint) : match.group());
        });
    }

    private static boolean isHarmless(int codePoint) {
        if (codePoint < 0xA0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return false;
        }
        String folded = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
        return folded.chars().noneMatch(c -> HTML_SIGNIFICANT.indexOf(c) >= 0 || c < 0x20);
    }
}
