package io.onramp.gateway.attempt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Mono (SIL Open Font License, from the {@code openpdf-fonts-extra} jar) embedded in a report, as the subset
 * the report uses. It prints Latin, Greek and Cyrillic. Anything else (CJK, Arabic, Hebrew, Devanagari, emoji…) is
 * replaced by the name of its script in brackets, and the report names those scripts once, so a reader is told that
 * text is missing rather than shown question marks. Right-to-left scripts are named even where the font has their
 * glyphs: this renderer lays out left to right only.
 */
final class ReportFont {

    private static final String RESOURCE = "/liberation/LiberationMono-Regular.ttf";
    private static final byte[] BYTES = read();
    private static final Set<UnicodeScript> PRINTED = Set.of(
            UnicodeScript.LATIN,
            UnicodeScript.GREEK,
            UnicodeScript.CYRILLIC,
            UnicodeScript.COMMON,
            UnicodeScript.INHERITED);

    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final SortedSet<String> unprinted = new TreeSet<>();

    ReportFont(PDDocument document) throws IOException {
        this.font = PDType0Font.load(document, new ByteArrayInputStream(BYTES));
    }

    PDType0Font font() {
        return font;
    }

    /** The scripts {@link #printable} had to leave out so far, by name. */
    SortedSet<String> unprintedScripts() {
        return unprinted;
    }

    /** The text (NFC) with control characters as spaces and each run of unprintable text as {@code [Script]}. */
    String printable(String text) {
        String line = Normalizer.normalize(text, Normalizer.Form.NFC);
        var out = new StringBuilder(line.length());
        String openRun = null;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint)) {
                out.append(' ');
                openRun = null;
            } else if (openRun != null && continuesASequence(codePoint)) {
                continue; // inside an unprintable run: the joiners, selectors and marks of an emoji or a syllable
            } else if (canPrint(codePoint)) {
                out.appendCodePoint(codePoint);
                openRun = null;
            } else {
                String script = scriptName(codePoint);
                if (!script.equals(openRun)) {
                    out.append('[').append(script).append(']');
                    unprinted.add(script);
                    openRun = script;
                }
            }
        }
        return out.toString();
    }

    private boolean canPrint(int codePoint) {
        return printable.computeIfAbsent(codePoint, this::hasPrintableGlyph);
    }

    private boolean hasPrintableGlyph(int codePoint) {
        if (!PRINTED.contains(UnicodeScript.of(codePoint)) || isModifier(codePoint)) {
            return false;
        }
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }

    private static boolean continuesASequence(int codePoint) {
        int type = Character.getType(codePoint);
        return isModifier(codePoint)
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Zero-width joiners and other format characters, variation selectors and emoji skin tones. */
    private static boolean isModifier(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
    }

    private static String scriptName(int codePoint) {
        UnicodeScript script = UnicodeScript.of(codePoint);
        if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED || script == UnicodeScript.UNKNOWN) {
            return "symbols";
        }
        String name = script.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static byte[] read() {
        try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
