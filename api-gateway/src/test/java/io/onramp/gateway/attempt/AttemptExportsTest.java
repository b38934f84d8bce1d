package io.onramp.gateway.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
}
