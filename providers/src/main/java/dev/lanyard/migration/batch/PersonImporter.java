package dev.lanyard.migration.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.lanyard.migration.LegacyImport;
import dev.lanyard.migration.LegacyPerson;
import dev.lanyard.person.PersonRecords;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Imports one submitted person into Keycloak's own store, in the caller's transaction: the same
 * user a lazy migration would create (status, roles, legacy attributes), with the legacy hash
 * stored as it is. Who holds a username, email or uuid already is asked of {@link Holders} (Keycloak's
 * store only, never a user federation, so a batch never calls the legacy service).
 */
final class PersonImporter {

    private final KeycloakSession session;
    private final RealmModel realm;
    /** Legacy role name to realm role name (the realm's lanyard-legacy role mapping, else the same name). */
    private final UnaryOperator<String> roleNames;
    private final Holders holders;

    PersonImporter(KeycloakSession session, RealmModel realm, UnaryOperator<String> roleNames, Holders holders) {
        this.session = session;
        this.realm = realm;
        this.roleNames = roleNames;
        this.holders = holders;
    }

    Outcome importPerson(SubmittedPerson submitted) throws SubmittedPerson.Rejected {
        LegacyPerson person = submitted.person();
        Optional<String> sameName = holders.ofUsername(person);
        if (sameName.isPresent()) {
            return Outcome.conflict(Outcome.USERNAME_EXISTS, "A user with this username exists already; left unchanged.", sameName.get());
        }
        if (person.email() != null && !realm.isDuplicateEmailsAllowed()) {
            Optional<String> sameEmail = holders.ofEmail(person);
            if (sameEmail.isPresent()) {
                return Outcome.conflict(Outcome.EMAIL_EXISTS, "A user with this email exists already; left unchanged.", sameEmail.get());
            }
        }
        Optional<String> sameUuid = holders.ofUuid(person);
        if (sameUuid.isPresent()) {
            return Outcome.conflict(Outcome.UUID_EXISTS, "A person with this uuid exists already; left unchanged.", sameUuid.get());
        }
        List<RoleModel> roles = new ArrayList<>();
        for (String legacyRole : person.roles()) {
            String name = roleNames.apply(legacyRole);
            RoleModel role = realm.getRole(name);
            if (role == null) {
                throw new SubmittedPerson.Rejected(Outcome.ROLE_NOT_FOUND,
                        "The realm has no role '" + name + "' for the legacy role '" + legacyRole + "'; create it or map it, then retry.");
            }
            roles.add(role);
        }
        PasswordCredentialModel credential = submitted.credential() == null ? null : submitted.credential().toPasswordCredentialModel();

        UserModel user = UserStoragePrivateUtil.userLocalStorage(session).addUser(realm, null, person.keycloakUsername(), true, true);
        LegacyImport.applyProfile(user, person, true);
        new PersonRecords(session).assignUuidOfNewUserAtCommit(realm, user, person.uuid());
        roles.forEach(user::grantRole);
        // Without a legacy hash the person has no password: they sign in by email code, or an admin sends a reset.
        if (credential != null) {
            credential.setCreatedDate(Time.currentTimeMillis());
            user.credentialManager().createStoredCredential(credential);
        }
        holders.imported(person, user.getId());
        return Outcome.migrated(user.getId());
    }
}
