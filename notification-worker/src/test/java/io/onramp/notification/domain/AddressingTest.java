package io.onramp.notification.domain;

import static io.onramp.notification.domain.Examples.changed;
import static io.onramp.notification.domain.Examples.interview;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.people.Person;
import io.onramp.notification.domain.SourceEvent.InterviewChanged.Change;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressingTest {

    private final SourceEvent event = changed(Change.SCHEDULED, interview("u-7"));

    @Test
    void theCandidateIsReachedAtTheInterviewsContactInTheirOwnZone() {
        var to = Addressing.resolve(request(Role.CANDIDATE, "c-1"), Optional.empty());
        assertThat(to.address()).isEqualTo("casey@example.com");
        assertThat(to.name()).isEqualTo("Casey");
        assertThat(to.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(to.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theDirectorysZoneAndLocaleWinForTheCandidateToo() {
        var entry = new Person("acme", "c-1", "other@example.com", "C", "Europe/Paris", "fr-FR");
        var to = Addressing.resolve(request(Role.CANDIDATE, "c-1"), Optional.of(entry));
        assertThat(to.address()).as("the contact given with the interview").isEqualTo("casey@example.com");
        assertThat(to.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(to.locale()).isEqualTo(Locale.forLanguageTag("fr-FR"));
    }

    @Test
    void anInterviewerIsReachedThroughTheDirectory() {
        var entry = new Person("acme", "u-7", "ada@example.com", "Ada", null, null);
        var to = Addressing.resolve(request(Role.INTERVIEWER, "u-7"), Optional.of(entry));
        assertThat(to.address()).isEqualTo("ada@example.com");
        assertThat(to.name()).isEqualTo("Ada");
        assertThat(to.zone()).as("the interview's zone").isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(to.deliverable()).isTrue();
    }

    @Test
    void someoneTheDirectoryDoesNotKnowIsUndeliverable() {
        var to = Addressing.resolve(request(Role.INTERVIEWER, "u-7"), Optional.empty());
        assertThat(to.deliverable()).isFalse();
        assertThat(to.name()).isEqualTo("u-7");
    }

    @Test
    void aGuestOutsideAnyInterviewDefaultsToUtc() {
        var task = new SourceEvent.TaskNeedsInformation("e", "acme", "g-1", "application", null, Examples.NOW);
        var request = NotificationRules.requestsFor(task).get(0);
        assertThat(Addressing.resolve(request, Optional.empty()).zone()).isEqualTo(ZoneOffset.UTC);
    }

    private NotificationRequest request(Role role, String recipient) {
        return NotificationRules.requestsFor(event).stream()
                .filter(r -> r.role() == role && r.recipientId().equals(recipient))
                .findFirst()
                .orElseThrow();
    }
}
