package io.onramp.domain.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonRulesTest {

    @Test
    void aCompletePersonIsKeptAsGiven() {
        var person = accepted(
                PersonRules.validate("acme", "u-7", "ada@example.com", "Ada Lovelace", "Europe/London", "en-GB"));
        assertThat(person)
                .isEqualTo(new Person("acme", "u-7", "ada@example.com", "Ada Lovelace", "Europe/London", "en-GB"));
    }

    @Test
    void onlyTheAddressIsRequired() {
        var person = accepted(PersonRules.validate("acme", "u-7", " ada@example.com ", " ", null, ""));
        assertThat(person).isEqualTo(new Person("acme", "u-7", "ada@example.com", null, null, null));
    }

    @Test
    void namesLoseTheirMarkupAndKeepNonLatinLetters() {
        assertThat(accepted(PersonRules.validate(
                                "acme", "u-7", "a@example.com", "<b>Zoë</b><script>x()</script>", null, null))
                        .name())
                .isEqualTo("Zoë");
        assertThat(accepted(PersonRules.validate("acme", "u-7", "a@example.com", "山田 太郎", null, null))
                        .name())
                .isEqualTo("山田 太郎");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "a@b",
                "a@@example.com",
                "a b@example.com",
                "<a@example.com>",
                "a@example..com",
                "a@localhost",
                "a@-example.com"
            })
    void anAddressMustBeValidBySyntax(String email) {
        assertThat(violations(PersonRules.validate("acme", "u-7", email, null, null, null)))
                .containsExactly(new Violation("email", "must be an email address"));
    }

    @Test
    void anAddressIsRequiredAndBounded() {
        assertThat(violations(PersonRules.validate("acme", "u-7", null, null, null, null)))
                .containsExactly(new Violation("email", "is required"));
        String longAddress =
                "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertThat(violations(PersonRules.validate("acme", "u-7", longAddress, null, null, null)))
                .containsExactly(new Violation("email", "must be an email address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "GMT+2", "europe/berlin"})
    void aZoneMustBeAnIanaZone(String zone) {
        assertThat(violations(PersonRules.validate("acme", "u-7", "a@example.com", null, zone, null)))
                .extracting(Violation::field)
                .containsExactly("timezone");
    }

    @Test
    void everyBrokenFieldIsNamed() {
        assertThat(violations(PersonRules.validate("acme", "bad id", "x", "n".repeat(201), "Nowhere", "not a tag!")))
                .extracting(Violation::field)
                .containsExactly("user_id", "email", "name", "timezone", "locale");
    }

    private static Person accepted(Decision<Person> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<Person>) decision).result();
    }

    private static java.util.List<Violation> violations(Decision<Person> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<Person>) decision).violations();
    }
}
