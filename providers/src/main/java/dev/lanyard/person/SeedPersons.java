package dev.lanyard.person;

import dev.lanyard.account.BruteForce;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Rules seed 003's person endpoints share: the shape of a uuid, and who may still use a secret. */
public final class SeedPersons {

    public static final int MAX_UUID = 255;

    private SeedPersons() {
    }

    /** A uuid is printable ASCII without spaces (legacy ids such as {@code a20190404}, Keycloak ids): 400 otherwise. */
    public static String requireUuid(String uuid) {
        if (uuid == null || uuid.isEmpty() || uuid.length() > MAX_UUID || !uuid.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "A uuid is 1 to " + MAX_UUID + " printable ASCII characters without spaces.");
        }
        return uuid;
    }

    /**
     * Whether the person may be checked or reset by a secret (PIN, answer): enabled, not closed and not locked by the
     * brute-force detector. Callers answer the others exactly like a wrong secret.
     */
    public static boolean mayUseSecrets(KeycloakSession session, RealmModel realm, UserModel person) {
        return person.isEnabled() && !isClosed(session, person) && !BruteForce.isLocked(session, realm, person);
    }

    public static boolean isClosed(KeycloakSession session, UserModel person) {
        return new PersonRecords(session).record(person).map(r -> r.getClosedAt() != null).orElse(false);
    }
}
