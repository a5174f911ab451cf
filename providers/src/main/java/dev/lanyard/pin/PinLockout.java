package dev.lanyard.pin;

import dev.lanyard.jpa.AttemptCounters;
import dev.lanyard.person.PersonRecords;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The PIN lockout: tries are counted per uuid as sent, whether or not it names anyone, so a locked answer tells
 * nothing about existence; a try is claimed before the PIN is checked ({@link AttemptCounters}), so parallel wrong
 * PINs can never exceed the policy's {@code maxFailures}. A right PIN, a new PIN or a reset clears the count.
 */
public final class PinLockout {

    static final String COUNTER = "pin";

    private PinLockout() {
    }

    /** False when the uuid is locked: nothing may be checked for it. */
    static boolean claimTry(KeycloakSession session, RealmModel realm, String uuid, PinPolicy policy) {
        return new AttemptCounters(session).claim(realm.getId(), COUNTER, uuid, policy.maxFailures(), AttemptCounters.FOREVER);
    }

    static void cleared(KeycloakSession session, RealmModel realm, String uuid) {
        AttemptCounters.reset(session, realm.getId(), COUNTER, uuid);
    }

    /** The person's PIN may be tried again (a new or reset PIN), under their uuid and their Keycloak id. */
    public static void unlock(KeycloakSession session, RealmModel realm, UserModel user) {
        String uuid = new PersonRecords(session).uuidOf(user);
        cleared(session, realm, uuid);
        if (!uuid.equals(user.getId())) {
            cleared(session, realm, user.getId());
        }
    }
}
