package dev.lanyard.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person as the legacy auth service (seed 003) describes it: the fields Lanyard carries over.
 * {@code uuid} is what the legacy API's password check takes: the person's username there.
 */
public record LegacyPerson(String uuid, String username, String firstName, String lastName, String email,
                           LegacyStatus status, String personType, String preferredLanguage, List<String> roles) {

    /** Reads seed 003's person object (the {@code responseData} of the envelope). */
    public static LegacyPerson fromPersonObject(JsonNode person) {
        String username = text(person, "username");
        if (username == null) {
            // Some legacy answers carry the username only as the USERNAME credential.
            for (JsonNode credential : person.path("personCredentials")) {
                if ("USERNAME".equalsIgnoreCase(text(credential, "credentialType"))) {
                    username = text(credential, "credential");
                }
            }
        }
        if (username == null) {
            throw new IllegalArgumentException("The legacy person has no username");
        }
        String email = null;
        for (JsonNode contact : person.path("personContacts")) {
            if (email == null && "EMAIL".equalsIgnoreCase(text(contact, "contactType"))) {
                email = text(contact, "contact");
            }
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode personRole : person.path("personRoles")) {
            String name = text(personRole.path("role"), "name");
            if (name != null) {
                roles.add(name);
            }
        }
        return new LegacyPerson(username, username, text(person, "firstName"), text(person, "lastName"), email,
                LegacyStatus.parse(text(person, "status")), text(person, "personType"), text(person, "preferredLanguage"),
                List.copyOf(roles));
    }

    /** Whether this person is the one a sign-in named, by username or email, ignoring case. */
    public boolean answersTo(String identifier) {
        String wanted = identifier.trim();
        return username.equalsIgnoreCase(wanted) || (email != null && email.equalsIgnoreCase(wanted));
    }

    /** Keycloak's form of the username (it stores usernames in lower case). */
    public String keycloakUsername() {
        return username.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
