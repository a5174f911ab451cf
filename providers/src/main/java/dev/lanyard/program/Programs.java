package dev.lanyard.program;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.userdata.EcUserDataCipher;
import dev.lanyard.userdata.UserDataRules;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * Seed 004's programs, configured per realm in realm attributes (Realm settings → General → Unmanaged attributes, or
 * realm-config): {@value #PROGRAMS} lists the program codes, {@code lanyard.program.<code>.name} names one, and
 * {@code lanyard.program.<code>.party-u} sets the EC_v1/EC_v2 KDF's partyU (default {@value #DEFAULT_PARTY_U}; partyV
 * is SHA-256 of the code). A partner client lists the programs it may call in its client attribute {@value #PROGRAMS};
 * any other program is 404, as is one that does not exist. {@value #ENVIRONMENT} = {@code partner-integration} allows
 * a '+' in email local parts (the seed's PIE); anything else is production.
 */
public final class Programs {

    public static final String PROGRAMS = "lanyard.programs";
    public static final String ENVIRONMENT = "lanyard.environment";
    static final String DEFAULT_PARTY_U = "Lanyard";
    public static final String PROGRAM_NOT_FOUND = "PROGRAM_NOT_FOUND";
    public static final String REQUEST_ID_HEADER = "X-GD-RequestID";
    public static final String REQUEST_ID_INVALID = "REQUEST_ID_INVALID";

    /** A program of the realm. */
    public record Program(String code, String name, EcUserDataCipher.Parties parties) {
    }

    private Programs() {
    }

    /** The program {@code code} as {@code caller}'s client may use it; 404 {@value #PROGRAM_NOT_FOUND} otherwise. */
    public static Program require(RealmModel realm, Caller caller, String code) {
        ClientModel client = caller.client();
        if (code == null || !list(realm.getAttribute(PROGRAMS)).contains(code) || client == null
                || !list(client.getAttribute(PROGRAMS)).contains(code)) {
            throw ApiError.notFound(PROGRAM_NOT_FOUND, "No program of this code for this client.");
        }
        String prefix = "lanyard.program." + code + ".";
        String partyU = realm.getAttribute(prefix + "party-u");
        return new Program(code, realm.getAttribute(prefix + "name"),
                EcUserDataCipher.Parties.of(partyU == null || partyU.isBlank() ? DEFAULT_PARTY_U : partyU, code));
    }

    public static UserDataRules.Mode mode(RealmModel realm) {
        return "partner-integration".equalsIgnoreCase(realm.getAttribute(ENVIRONMENT)) ? UserDataRules.Mode.PARTNER_INTEGRATION
                : UserDataRules.Mode.PRODUCTION;
    }

    /** The seed's X-GD-RequestID: required, a UUID; 400 {@value #REQUEST_ID_INVALID} otherwise. */
    public static String requireRequestId(String header) {
        if (header == null || !Accounts.isUuid(header.trim())) {
            throw ApiError.badRequest(REQUEST_ID_INVALID, "The header " + REQUEST_ID_HEADER + " is required and must be a UUID.")
                    .withDetail("subCode", 950);
        }
        return UUID.fromString(header.trim()).toString();
    }

    static Set<String> list(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
