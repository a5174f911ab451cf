package dev.lanyard.migration.batch;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.Printable;
import dev.lanyard.migration.LegacyPerson;
import dev.lanyard.passwordhash.LegacyCredential;
import org.keycloak.utils.EmailValidationUtil;

/**
 * One entry of a batch's {@code users}: seed 003's person object plus an optional legacy
 * {@code credential} (checked by {@link LegacyCredential}, whose reason codes a refusal carries). Reading it checks what Keycloak's user profile would refuse later, so a
 * person is imported whole or not at all, with a reason code the partner can act on.
 */
public record SubmittedPerson(LegacyPerson person, LegacyCredential credential) {

    static final int MIN_USERNAME = 3;
    static final int MAX_FIELD = 255;
    /** Keycloak's default user profile refuses these in usernames (username-prohibited-characters). */
    private static final Pattern PROHIBITED = Pattern.compile("[\\s<>&\"'$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");

    /** Thrown for an entry that cannot be imported; carries the FAILED outcome. */
    public static final class Rejected extends Exception {
        private final Outcome outcome;

        Rejected(String reason, String message) {
            super(message, null, false, false);
            this.outcome = Outcome.failed(reason, message);
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    public static SubmittedPerson read(JsonNode entry) throws Rejected {
        JsonNode password = entry.get("password");
        if (password != null && !password.isNull()) {
            // Seed 003 always sends null here; a value would be a plain password in a job row.
            throw new Rejected(Outcome.PLAIN_PASSWORD_REFUSED,
                    "'password' must be null: send the legacy hash as 'credential' instead.");
        }
        LegacyPerson person;
        try {
            person = LegacyPerson.fromPersonObject(entry);
        } catch (IllegalArgumentException e) {
            throw new Rejected(Outcome.INVALID_USERNAME, "The person has no username.");
        }
        String username = person.username();
        if (username.length() < MIN_USERNAME || username.length() > MAX_FIELD) {
            throw new Rejected(Outcome.INVALID_USERNAME, "The username must have " + MIN_USERNAME + " to " + MAX_FIELD + " characters.");
        }
        if (PROHIBITED.matcher(username).find()) {
            throw new Rejected(Outcome.INVALID_USERNAME, "The username contains spaces or characters Keycloak does not allow.");
        }
        if (username.toLowerCase(Locale.ROOT).startsWith("service-account-")) {
            throw new Rejected(Outcome.INVALID_USERNAME, "Usernames starting with 'service-account-' are reserved for clients.");
        }
        if (person.email() != null && (person.email().length() > MAX_FIELD || !EmailValidationUtil.isValidEmail(person.email()))) {
            throw new Rejected(Outcome.INVALID_EMAIL, "The EMAIL contact is not a valid email address.");
        }
        checkName("firstName", person.firstName());
        checkName("lastName", person.lastName());
        checkName("personType", person.personType());
        checkName("preferredLanguage", person.preferredLanguage());
        JsonNode credential = entry.get("credential");
        if (credential == null || credential.isNull()) {
            return new SubmittedPerson(person, null);
        }
        LegacyCredential.Result checked = LegacyCredential.read(credential);
        if (checked instanceof LegacyCredential.Refused refused) {
            throw new Rejected(refused.reason().name(), "credential: " + refused.message());
        }
        return new SubmittedPerson(person, ((LegacyCredential.Accepted) checked).credential());
    }

    /** The username as submitted, for the record (best effort: the entry may be invalid). */
    public static String usernameOf(JsonNode entry) {
        JsonNode username = entry.get("username");
        String value = username != null && username.isTextual() ? username.asText().trim() : null;
        if (value == null || value.isEmpty()) {
            for (JsonNode credential : entry.path("personCredentials")) {
                if ("USERNAME".equalsIgnoreCase(credential.path("credentialType").asText())) {
                    value = credential.path("credential").asText().trim();
                }
            }
        }
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Printable.cut(value, MAX_FIELD);
    }

    private static void checkName(String field, String value) throws Rejected {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_FIELD || value.chars().anyMatch(Character::isISOControl)) {
            throw new Rejected(Outcome.INVALID_NAME, "'" + field + "' is longer than " + MAX_FIELD + " characters or has control characters.");
        }
    }
}
