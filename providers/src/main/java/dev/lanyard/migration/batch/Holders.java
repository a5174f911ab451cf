package dev.lanyard.migration.batch;

import java.util.Optional;

import dev.lanyard.migration.LegacyPerson;
import dev.lanyard.person.PersonRecords;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Who in a realm already holds a person's username, email or uuid (the user id, or empty), as {@link PersonImporter}
 * asks before it creates anyone. Keycloak's own store only, never a federation: a batch never calls the legacy service.
 */
interface Holders {

    Optional<String> ofUsername(LegacyPerson person);

    /** Only asked when the realm does not allow duplicate emails and the person has one. */
    Optional<String> ofEmail(LegacyPerson person);

    Optional<String> ofUuid(LegacyPerson person);

    /** Tells that {@code person} is now user {@code userId}, for the people asked about after them. */
    void imported(LegacyPerson person, String userId);

    /** One lookup per question, in the session's transaction (the one-by-one pass). */
    static Holders lookedUpEachTime(KeycloakSession session, RealmModel realm) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        PersonRecords records = new PersonRecords(session);
        return new Holders() {
            @Override
            public Optional<String> ofUsername(LegacyPerson person) {
                return Optional.ofNullable(local.getUserByUsername(realm, person.keycloakUsername())).map(UserModel::getId);
            }

            @Override
            public Optional<String> ofEmail(LegacyPerson person) {
                return Optional.ofNullable(local.getUserByEmail(realm, person.email())).map(UserModel::getId);
            }

            @Override
            public Optional<String> ofUuid(LegacyPerson person) {
                return records.holderOf(realm, person.uuid());
            }

            @Override
            public void imported(LegacyPerson person, String userId) {
                // the next lookup sees the new user (this transaction's store is flushed as it goes)
            }
        };
    }
}
