package dev.lanyard.tenantadmin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanyard.person.SeedPersons;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;

/**
 * The seed's person body (ClientPerson create and update): contact + contactType (EMAIL or MOBILE), names, password,
 * personType, pin, preferredLanguage, resetRequired, {@code roleName} or {@code roleNames} (the seed uses both),
 * timeZoneFormatted, username, uuid. Read strictly; the checks against the realm (policies, uniqueness) come after.
 */
record PersonForm(String contact, String contactType, String firstName, String lastName, String password, String personType,
                  String pin, String preferredLanguage, boolean resetRequired, List<String> roleNames, String timeZoneFormatted,
                  String username, String uuid) {

    static final Set<String> FIELDS = Set.of("contact", "contactType", "firstName", "lastName", "password", "personType", "pin",
            "preferredLanguage", "resetRequired", "roleName", "roleNames", "timeZoneFormatted", "username", "uuid");
    static final Set<String> PERSON_TYPES = Set.of("BOX_OWNER", "COMPANY_USER", "SUBSCRIBER", "SERVICE_OWNER");

    /** {@code creation}: the seed's required fields are required; an update takes what it is given. */
    static PersonForm read(JsonBody body, boolean creation) {
        String contact = body.optionalString("contact", 255);
        String contactType = body.optionalString("contactType", 16);
        if (contactType != null) {
            contactType = contactType.toUpperCase(Locale.ROOT);
            if (!contactType.equals("EMAIL") && !contactType.equals("MOBILE")) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "contactType is EMAIL or MOBILE.");
            }
        }
        if (contact != null && contactType == null) {
            contactType = contact.indexOf('@') >= 0 ? "EMAIL" : "MOBILE";
        }
        String personType = creation ? body.requiredString("personType", 32) : body.optionalString("personType", 32);
        if (personType != null && !PERSON_TYPES.contains(personType.toUpperCase(Locale.ROOT))) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "personType is one of " + String.join(", ", PERSON_TYPES.stream().sorted().toList()) + ".");
        }
        String language = body.optionalString("preferredLanguage", 8);
        if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "preferredLanguage is an ISO 639-1 code such as EN.");
        }
        List<String> roles = new ArrayList<>();
        String roleName = body.optionalString("roleName", 255);
        if (roleName != null) {
            roles.add(roleName);
        }
        roles.addAll(body.optionalStringArray("roleNames", 20, 255) == null ? List.of() : body.optionalStringArray("roleNames", 20, 255));
        Boolean reset = body.optionalBoolean("resetRequired");
        String uuid = creation ? body.requiredString("uuid", SeedPersons.MAX_UUID) : body.optionalString("uuid", SeedPersons.MAX_UUID);
        if (uuid != null) {
            SeedPersons.requireUuid(uuid);
        }
        return new PersonForm(contact, contactType,
                creation ? body.requiredString("firstName", 255) : body.optionalString("firstName", 255),
                creation ? body.requiredString("lastName", 255) : body.optionalString("lastName", 255),
                creation ? body.requiredString("password", 256) : body.optionalString("password", 256),
                personType == null ? null : personType.toUpperCase(Locale.ROOT),
                body.optionalString("pin", 12), language, reset != null && reset, List.copyOf(new LinkedHashSet<>(roles)),
                body.optionalString("timeZoneFormatted", 64),
                creation ? body.requiredString("username", 255) : body.optionalString("username", 255), uuid);
    }

    String email() {
        return "EMAIL".equals(contactType) ? contact : null;
    }

    String phone() {
        return "MOBILE".equals(contactType) ? contact : null;
    }
}
