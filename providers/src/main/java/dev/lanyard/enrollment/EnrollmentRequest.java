package dev.lanyard.enrollment;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;

/**
 * A guest enrollment (seed 000 "Guest Enrollment Workflow"), as a partner sends it in clear or inside a signed and
 * encrypted message. Read strictly; a refusal names the field, never its value (dates of birth, phones and addresses
 * are personal data).
 */
public record EnrollmentRequest(String email, String firstName, String lastName, String phone, LocalDate dateOfBirth,
                                Map<String, String> address, String siteId, String programCode, List<Consent> consents) {

    public static final String INVALID_CONSENT = "INVALID_CONSENT";
    public static final Set<String> FIELDS = Set.of("email", "firstName", "lastName", "phone", "dateOfBirth", "address", "siteId",
            "programCode", "consents");
    /** The address's parts, stored as Keycloak's OIDC address attributes (see {@link Enrollments}). */
    public static final Set<String> ADDRESS_FIELDS = Set.of("line1", "line2", "city", "state", "postalCode", "country");
    static final int MAX_CONSENTS = 20;

    private static final Set<String> CONSENT_FIELDS = Set.of("termsIdentifier", "termsVersion", "accepted", "acceptedAt");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,24}");
    private static final Pattern TERMS = Pattern.compile("[A-Za-z0-9._-]+");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Reads the enrollment; {@code now} (unix ms) is the acceptance time of a consent that gives none. */
    public static EnrollmentRequest read(JsonBody body, LocalDate today, long now) {
        String email = body.requiredString("email", 254);
        String firstName = body.requiredString("firstName", 255);
        String lastName = body.requiredString("lastName", 255);
        String phone = body.optionalString("phone", 32);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'phone' must be a phone number (digits, optionally '+' first).");
        }
        LocalDate dateOfBirth = dateOfBirth(body.optionalString("dateOfBirth", 10), today);
        Map<String, String> address = address(body.optionalObject("address"));
        String siteId = body.requiredString("siteId", 255);
        String programCode = body.optionalString("programCode", 64);
        List<Consent> consents = new ArrayList<>();
        if (body.has("consents")) {
            for (JsonNode item : body.requiredObjectArray("consents", MAX_CONSENTS)) {
                consents.add(consent(JsonBody.of(item, CONSENT_FIELDS, "Each consent"), now));
            }
        }
        return new EnrollmentRequest(email, firstName, lastName, phone, dateOfBirth, address, siteId, programCode, List.copyOf(consents));
    }

    private static LocalDate dateOfBirth(String text, LocalDate today) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (!date.isBefore(today) || date.isBefore(EARLIEST_BIRTH)) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'dateOfBirth' must be a date in the past.");
            }
            return date;
        } catch (DateTimeException notADate) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'dateOfBirth' must be a date (YYYY-MM-DD).");
        }
    }

    private static Map<String, String> address(JsonNode node) {
        Map<String, String> address = new LinkedHashMap<>();
        if (node == null) {
            return address;
        }
        JsonBody parts = JsonBody.of(node, ADDRESS_FIELDS, "The field 'address'");
        for (String field : List.of("line1", "line2", "city", "state", "postalCode", "country")) {
            String value = parts.optionalString(field, field.equals("country") ? 64 : 255);
            if (value != null) {
                address.put(field, value);
            }
        }
        return address;
    }

    private static Consent consent(JsonBody item, long now) {
        String terms = item.requiredString("termsIdentifier", 100);
        String version = item.requiredString("termsVersion", 50);
        if (!TERMS.matcher(terms).matches() || !TERMS.matcher(version).matches()) {
            throw ApiError.badRequest(INVALID_CONSENT, "'termsIdentifier' and 'termsVersion' are letters, digits, '.', '_' and '-'.");
        }
        Boolean accepted = item.optionalBoolean("accepted");
        if (accepted == null) {
            throw ApiError.badRequest(INVALID_CONSENT, "Each consent says whether it is 'accepted' (true or false).");
        }
        return new Consent(terms, version, accepted, acceptedAt(item.tree().get("acceptedAt"), now));
    }

    /** An ISO-8601 instant ({@code 2026-12-01T10:15:30Z}) or unix milliseconds; not in the future. */
    private static long acceptedAt(JsonNode node, long now) {
        if (node == null || node.isNull()) {
            return now;
        }
        long at;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            at = node.longValue();
        } else if (node.isTextual()) {
            try {
                at = Instant.parse(node.textValue()).toEpochMilli();
            } catch (DateTimeException notAnInstant) {
                throw ApiError.badRequest(INVALID_CONSENT, "'acceptedAt' must be an ISO-8601 instant or unix milliseconds.");
            }
        } else {
            throw ApiError.badRequest(INVALID_CONSENT, "'acceptedAt' must be an ISO-8601 instant or unix milliseconds.");
        }
        if (at <= 0 || at > now + 60_000) {
            throw ApiError.badRequest(INVALID_CONSENT, "'acceptedAt' must not lie in the future.");
        }
        return at;
    }
}
