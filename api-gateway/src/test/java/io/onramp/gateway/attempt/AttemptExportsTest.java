package io.onramp.gateway.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class AttemptExportsTest {

    @Test
    void shouldQuoteCellsHoldingCommasQuotesOrLineBreaks() {
        var attempt = new AttemptView(
                "a-1",
                "i-1",
                "user, \"the\"\nfirst",
                Instant.parse("2026-11-22T10:00:00Z"),
                null,
                null,
                "in_progress",
                1);

        String csv = new String(AttemptExports.csv(List.of(attempt)), StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo("id,interview_id,user_id,status,start_datetime,scheduled_end_datetime,end_datetime\r\n"
                        + "a-1,i-1,\"user, \"\"the\"\"\nfirst\",in_progress,2026-11-22T10:00:00Z,,\r\n");
    }

    @Test
    void shouldWriteAPdfEvenForNoAttempts() {
        byte[] pdf = AttemptExports.pdf(List.of(), "Attempts of nobody");

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void shouldPrintLatinGreekAndCyrillicInAnEmbeddedFont() throws Exception {
        String text = extract(AttemptExports.pdf(
                List.of(attempt("Ольга Ёлкина"), attempt("Σωκράτης Άλφα"), attempt("Zoë Ångström-Łukasiewicz")),
                "Attempts of организация"));

        assertThat(text)
                .contains("Attempts of организация", "Ольга Ёлкина", "Σωκράτης Άλφα", "Zoë Ångström-Łukasiewicz")
                .doesNotContain("?", "cannot be printed");
    }

    @Test
    void shouldNameTheScriptsItsFontCannotPrintInsteadOfPrintingQuestionMarks() throws Exception {
        String text = extract(AttemptExports.pdf(
                List.of(
                        attempt("山田太郎"),
                        attempt("محمد علي"),
                        attempt("Ada 👩‍💻🇺🇦 Lovelace"),
                        attempt("ok\u0007bell")),
                "Attempts of acme"));

        assertThat(text)
                .contains("[Han]", "[Arabic]", "Ada [symbols] Lovelace", "ok bell")
                .contains("Text in Arabic, Han, symbols cannot be printed in this report's font")
                .doesNotContain("?", "山", "محمد", "👩");
    }

    @Test
    void shouldComposeCombiningMarksBeforePrinting() throws Exception {
        assertThat(extract(AttemptExports.pdf(List.of(attempt("Zoe\u0308 Jose\u0301")), "Attempts")))
                .contains("Zoë José")
                .doesNotContain("cannot be printed");
    }

    @Test
    void shouldEmbedEveryFontItUses() throws Exception {
        try (PDDocument document = Loader.loadPDF(AttemptExports.pdf(List.of(attempt("Ольга")), "Attempts"))) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationMono");
                }
            }
        }
    }

    private static AttemptView attempt(String user) {
        return new AttemptView("a-1", "i-1", user, Instant.parse("2026-11-22T10:00:00Z"), null, null, "in_progress", 1);
    }

    private static String extract(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
