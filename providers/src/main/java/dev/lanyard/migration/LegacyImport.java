package dev.lanyard.migration;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import dev.lanyard.person.PersonRecords;
import dev.lanyard.screening.ScreeningProvider;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Creates the Keycloak user of a legacy person in Keycloak's own store, linked to the federation
 * until the person's password has been proven (see {@link LegacyUserStorageProvider#isValid}).
 * The bulk migration gives its users the same profile ({@link #applyProfile}).
 */
public final class LegacyImport {

    /** The person's id in the legacy system, kept on the user for the password check and for support. */
    public static final String LEGACY_UUID = "legacyUuid";
    public static final String PERSON_TYPE = "personType";
    private static final String IMPORTED_NOW = "lanyard.legacy.imported-now:";
    private static final Logger LOG = Logger.getLogger(LegacyImport.class);

    private LegacyImport() {
    }

    /**
     * The same person always gets the same user id, derived from the federation and the legacy uuid:
     * brute-force failures add up even when a failed first sign-in leaves nothing imported, and two
     * requests importing the same person at once collide on the key instead of creating two users.
     */
    static String userId(ComponentModel federation, LegacyPerson person) {
        return UUID.nameUUIDFromBytes(("lanyard-legacy:" + federation.getId() + ":" + person.uuid().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static UserModel create(KeycloakSession session, RealmModel realm, ComponentModel federation, LegacySettings settings,
                            LegacyPerson person) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel user = local.addUser(realm, userId(federation, person), person.keycloakUsername(), true, true);
        boolean emailFree = person.email() != null
                && (realm.isDuplicateEmailsAllowed() || local.getUserByEmail(realm, person.email()) == null);
        applyProfile(user, person, emailFree);
        for (String legacyRole : person.roles()) {
            RoleModel role = realm.getRole(settings.realmRoleFor(legacyRole));
            if (role != null) {
                user.grantRole(role);
            } else {
                LOG.debugf("Legacy role %s has no realm role in %s; not granted", legacyRole, realm.getName());
            }
        }
        user.setFederationLink(federation.getId());
        new PersonRecords(session).assignUuidAtCommit(realm, user, person.uuid());
        session.setAttribute(IMPORTED_NOW + user.getId(), Boolean.TRUE);
        if (ScreeningProvider.screens(realm)) {
            // A person who moves over at sign-in (password or email code) is screened like one who registers, once the
            // import commits; a wrong password takes the import back before the commit, and then nobody is screened.
            session.getProvider(ScreeningProvider.class).screenAfterCommit(realm.getId(), user.getId(), "MIGRATION");
        }
        return user;
    }

    /**
     * Names, status, legacy attributes and language of the person, as both migrations set them:
     * ACTIVE signs in, INACTIVE must choose a new password first, LOCKED (or unknown) is disabled.
     * The email is set, marked verified, only when {@code withEmail}: the legacy system signed
     * people in with this address, so it is theirs, unless another Keycloak user holds it.
     */
    public static void applyProfile(UserModel user, LegacyPerson person, boolean withEmail) {
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        if (withEmail && person.email() != null) {
            user.setEmail(person.email());
            user.setEmailVerified(true);
        }
        user.setEnabled(person.status().enabled());
        if (person.status().mustUpdatePassword()) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        user.setSingleAttribute(LEGACY_UUID, person.uuid());
        if (person.personType() != null) {
            user.setSingleAttribute(PERSON_TYPE, person.personType());
        }
        if (person.preferredLanguage() != null) {
            user.setSingleAttribute(UserModel.LOCALE, person.preferredLanguage().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A wrong password imports nothing: the user created by this request is removed just before the
     * request's transaction commits, once Keycloak's own validators and the failure event are done
     * with it. The derived id keeps the brute-force count for the next try. Removed through
     * session.users(), not the local store, so the user cache above it forgets the user too.
     */
    static void takeBackAtCommit(KeycloakSession session, RealmModel realm, UserModel user) {
        String id = user.getId();
        String federationId = user.getFederationLink();
        session.getTransactionManager().enlistPrepare(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                UserModel imported = session.users().getUserById(realm, id);
                if (imported != null && federationId.equals(imported.getFederationLink())) {
                    session.users().removeUser(realm, imported);
                }
            }

            @Override
            protected void rollbackImpl() {
                // the import is rolled back with everything else
            }
        });
    }

    /** Whether this request created the user, so a failed password check may take the import back. */
    static boolean importedInThisRequest(KeycloakSession session, UserModel user) {
        return session.getAttribute(IMPORTED_NOW + user.getId()) != null;
    }
}
