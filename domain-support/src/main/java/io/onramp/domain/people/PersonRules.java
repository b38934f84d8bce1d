package io.onramp.domain.people;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import io.onramp.domain.text.TextSanitizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * What an entry of the people directory must hold, the same whether it comes through the gateway or from an upstream
 * {@code PersonEvent}: a user id, an address valid by syntax (Apache Commons Validator; no DNS look-up, no local
 * addresses), an IANA zone and a BCP 47 locale when given, and a name without markup.
 */
public final class PersonRules {

    /** The user ids every other part of the platform accepts. */
    public static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$");

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 200;

    private static final EmailValidator EMAIL = EmailValidator.getInstance(false, false);

    private PersonRules() {}

    /** The person as it is kept (name sanitised, blanks as absent), or every field that breaks a rule. */
    public static Decision<Person> validate(
            String tenantId, String userId, String email, String name, String timezone, String locale) {
        List<Violation> violations = new ArrayList<>();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            violations.add(new Violation("user_id", "must be a user id (letters, digits and _ . @ : -, at most 128)"));
        }
        String address = blankToNull(email);
        if (address == null) {
            violations.add(new Violation("email", "is required"));
        } else if (address.length() > MAX_EMAIL || !EMAIL.isValid(address)) {
            violations.add(new Violation("email", "must be an email address"));
        }
        String cleanName = blankToNull(TextSanitizer.plainText(name));
        if (cleanName != null && cleanName.length() > MAX_NAME) {
            violations.add(new Violation("name", "must be at most " + MAX_NAME + " characters"));
        }
        String zone = blankToNull(timezone);
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            violations.add(new Violation("timezone", "must be an IANA time zone such as Europe/Berlin"));
        }
        String language = blankToNull(locale);
        if (language != null && !isLanguageTag(language)) {
            violations.add(new Violation("locale", "must be a BCP 47 language tag such as de-DE"));
        }
        if (!violations.isEmpty()) {
            return new Decision.Rejected<>(Decision.Reason.INVALID, "Validation failed", violations);
        }
        return new Decision.Accepted<>(new Person(tenantId, userId, address, cleanName, zone, language));
    }

    private static boolean isLanguageTag(String tag) {
        try {
            return !new Locale.Builder()
                    .setLanguageTag(tag)
                    .build()
                    .getLanguage()
                    .isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
