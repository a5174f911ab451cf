package dev.lanyard.orchestrator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.emailotp.EmailAddresses;
import dev.lanyard.rest.JsonBody;

/**
 * The body of seed 002's passwordless creation, in either model ({@link CaseStyle}). Read strictly: an unknown field
 * or a wrong type is {@code UsersOrchestrator_E400_00} naming the field; the metadata has its own codes.
 */
public record PasswordlessUserRequest(String email, String customerRegistrationId, String encryptedCustomerRegistrationId,
                                      boolean verifyEmail, String returnUrl, String firstName, String lastName,
                                      Map<String, String> metadata, boolean ignoreProvider) {

    /** The seed's fields in camelCase; the seed spells the encrypted id's last letters {@code id}. */
    static final List<String> FIELDS = List.of("email", "customerRegistrationId", "encryptedCustomerRegistrationid", "verifyEmail",
            "returnUrl", "firstName", "lastName", "metadata", "ignoreProvider");
    static final int MAX_METADATA_ENTRIES = 50;
    static final int MAX_METADATA_LENGTH = 100;
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern REGISTRATION_ID = Pattern.compile("[A-Za-z0-9._:@|+-]{1,255}");

    /** The field names of the path's model, for the strict reader. */
    public static Set<String> fields(CaseStyle style) {
        Set<String> names = new LinkedHashSet<>();
        FIELDS.forEach(field -> names.add(style.name(field)));
        return names;
    }

    public static PasswordlessUserRequest read(JsonBody body, CaseStyle style) {
        String email = body.requiredString(style.name("email"), 254);
        EmailAddresses.requireValid(email);
        String registrationId = body.optionalString(style.name("customerRegistrationId"), 255);
        if (registrationId != null && !REGISTRATION_ID.matcher(registrationId).matches()) {
            throw OrchestratorCodes.invalidInput("The field '" + style.name("customerRegistrationId")
                    + "' is letters, digits and . _ : @ | + - only.");
        }
        String encrypted = body.optionalString(style.name("encryptedCustomerRegistrationid"), 1024);
        boolean verifyEmail = Boolean.TRUE.equals(body.optionalBoolean(style.name("verifyEmail")));
        String returnUrl = body.optionalString(style.name("returnUrl"), 2048);
        String firstName = body.optionalString(style.name("firstName"), 255);
        String lastName = body.optionalString(style.name("lastName"), 255);
        Map<String, String> metadata = metadata(body.tree().get(style.name("metadata")));
        boolean ignoreProvider = Boolean.TRUE.equals(body.optionalBoolean(style.name("ignoreProvider")));
        return new PasswordlessUserRequest(email, registrationId, encrypted, verifyEmail, returnUrl, firstName, lastName, metadata,
                ignoreProvider);
    }

    /** "Metadata must be an object in camelCase format": camelCase keys, string values, each at most 100 characters. */
    static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return metadata;
        }
        if (!node.isObject()) {
            throw OrchestratorCodes.invalidMetadata("It must be a JSON object.");
        }
        if (node.size() > MAX_METADATA_ENTRIES) {
            throw OrchestratorCodes.invalidMetadata("It has more than " + MAX_METADATA_ENTRIES + " entries.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.length() > MAX_METADATA_LENGTH || (value.isTextual() && value.textValue().length() > MAX_METADATA_LENGTH)) {
                throw OrchestratorCodes.metadataTooLong();
            }
            if (!CAMEL_CASE.matcher(key).matches()) {
                throw OrchestratorCodes.invalidMetadata("Its keys are camelCase (a lower-case letter, then letters and digits).");
            }
            if (!value.isTextual() || value.textValue().chars().anyMatch(Character::isISOControl)) {
                throw OrchestratorCodes.invalidMetadata("Its values are strings without control characters.");
            }
            metadata.put(key, value.textValue());
        }
        return metadata;
    }
}
