package io.onramp.gateway.attempt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Renders a list of attempts as CSV (RFC 4180, UTF-8) or as a PDF report, one attempt a line. */
final class AttemptExports {

    static final List<String> COLUMNS = List.of(
            "id", "interview_id", "user_id", "status", "start_datetime", "scheduled_end_datetime", "end_datetime");

    private static final float MARGIN = 36;
    private static final float LEADING = 11;
    private static final float FONT_SIZE = 7;

    private AttemptExports() {}

    static byte[] csv(List<AttemptView> attempts) {
        var out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AttemptView attempt : attempts) {
            out.append(String.join(
                            ",",
                            cells(attempt).stream().map(AttemptExports::csvCell).toList()))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(List<AttemptView> attempts, String title) {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var font = new ReportFont(document);
            var lines = new ArrayList<String>();
            lines.add(font.printable(title + " (" + attempts.size() + " attempts, " + Instant.now() + ")"));
            lines.add("");
            lines.add(String.join("  ", COLUMNS));
            attempts.forEach(attempt -> lines.add(font.printable(String.join("  ", cells(attempt)))));
            if (!font.unprintedScripts().isEmpty()) {
                lines.add(
                        1,
                        "Text in " + String.join(", ", font.unprintedScripts())
                                + " cannot be printed in this report's font: it is shown as [script name]."
                                + " The CSV export holds it as written.");
            }
            int perPage = (int) ((PDRectangle.A4.getWidth() - 2 * MARGIN) / LEADING);
            for (int from = 0; from < lines.size(); from += perPage) {
                var page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                document.addPage(page);
                try (var text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(font.font(), FONT_SIZE);
                    text.setLeading(LEADING);
                    text.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
                        text.showText(line);
                        text.newLine();
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(AttemptView attempt) {
        return List.of(
                attempt.id(),
                attempt.interviewId(),
                attempt.userId(),
                attempt.status(),
                text(attempt.startDatetime()),
                text(attempt.scheduledEndDatetime()),
                text(attempt.endDatetime()));
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String csvCell(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
