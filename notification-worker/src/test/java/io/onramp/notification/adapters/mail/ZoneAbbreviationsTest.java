package io.onramp.notification.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ZoneAbbreviationsTest {

    private static final Instant WINTER = Instant.parse("2030-12-03T15:00:00Z");
    private static final Instant SUMMER = Instant.parse("2030-07-03T15:00:00Z");

    @Test
    void namesTheAbbreviationInForceOnTheDay() {
        assertThat(ZoneAbbreviations.at(WINTER, ZoneId.of("Europe/Berlin"), Locale.ENGLISH))
                .isEqualTo("CET");
        assertThat(ZoneAbbreviations.at(SUMMER, ZoneId.of("Europe/Berlin"), Locale.ENGLISH))
                .isEqualTo("CEST");
        assertThat(ZoneAbbreviations.at(WINTER, ZoneId.of("America/Toronto"), Locale.ENGLISH))
                .isEqualTo("EST");
        assertThat(ZoneAbbreviations.at(SUMMER, ZoneId.of("America/Toronto"), Locale.ENGLISH))
                .isEqualTo("EDT");
    }

    /** Four mail senders rendering at once: each zone has one name, not sometimes its GMT-offset form. */
    @Test
    void threadsAskingAtOnceGetOneName() throws Exception {
        List<String> zones = List.of("Asia/Tokyo", "Europe/Paris", "Australia/Sydney", "America/Chicago", "Asia/Seoul");
        Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int offset = thread;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < zones.size(); i++) {
                    String zone = zones.get((offset + i) % zones.size());
                    seen.computeIfAbsent(zone, z -> ConcurrentHashMap.newKeySet())
                            .add(ZoneAbbreviations.at(WINTER, ZoneId.of(zone), Locale.ENGLISH));
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : work) {
            future.get();
        }
        pool.shutdown();
        seen.forEach((zone, names) -> assertThat(names).as(zone).hasSize(1));
        assertThat(seen.get("Asia/Tokyo")).containsExactly("JST");
    }
}
