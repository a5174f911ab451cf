package dev.lanyard.migration;

import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;

/**
 * Lazy migration from the legacy auth service. Keycloak asks this provider only for users its own
 * store does not have. A person found in legacy is imported into Keycloak's store, linked to this
 * federation; their first successful password check (made against legacy) stores the password
 * hashed by the realm's policy and, by default, unlinks them, so later sign-ins never call legacy.
 * A failed check takes back an import made in the same request. Searches are not served here
 * (no UserQueryProvider), so browsing users in the admin console never imports anyone.
 */
public class LegacyUserStorageProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator,
        ImportedUserValidation {

    /** Lanyard's REST answer to a person not yet migrated signing in while the legacy auth service is down. */
    public static final String LEGACY_UNAVAILABLE = "LEGACY_UNAVAILABLE";
    static final String OUTAGE_MESSAGE = "lanyardLegacyUnavailable";
    private static final Logger LOG = Logger.getLogger(LegacyUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel federation;
    private final LegacySettings settings;
    private final LegacyDirectory directory;

    LegacyUserStorageProvider(KeycloakSession session, ComponentModel federation, LegacySettings settings, LegacyDirectory directory) {
        this.session = session;
        this.federation = federation;
        this.settings = settings;
        this.directory = directory;
    }

    /**
     * Session attribute set by a call that must not reach the legacy directory (seed 002's {@code IgnoreProvider}):
     * lookups answer "not there" without a call.
     */
    public static final String NOT_ASKED = "lanyard.legacy-not-asked";

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null; // every user this provider knows lives in Keycloak's store under a local id
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return importFromLegacy(realm, username);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return importFromLegacy(realm, email);
    }

    private UserModel importFromLegacy(RealmModel realm, String identifier) {
        if (identifier == null || identifier.isBlank() || session.getAttribute(NOT_ASKED) != null) {
            return null;
        }
        Optional<LegacyPerson> found;
        try {
            found = LegacyOutage.guarded(session, federation.getId(), settings, () -> directory.find(identifier));
        } catch (LegacyUnavailableException e) {
            return outage(e);
        }
        if (found.isEmpty()) {
            return null;
        }
        LegacyPerson person = found.get();
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        // Arriving by email after an import by username (or the other way round) finds the same user, never a second one.
        UserModel existing = local.getUserByUsername(realm, person.keycloakUsername());
        if (existing != null) {
            return federation.getId().equals(existing.getFederationLink()) ? existing : null;
        }
        LOG.debugf("Importing legacy person into realm %s", realm.getName());
        return LegacyImport.create(session, realm, federation, settings, person);
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType) && federation.getId().equals(user.getFederationLink());
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType()) || !federation.getId().equals(user.getFederationLink())) {
            return false;
        }
        if (settings.importAndUnlink() && hasKeycloakPassword(user)) {
            // A password of the realm's policy exists already (set after a policy refusal): Keycloak checks it from now on.
            user.setFederationLink(null);
            return false;
        }
        String password = input.getChallengeResponse();
        String uuid = Optional.ofNullable(user.getFirstAttribute(LegacyImport.LEGACY_UUID)).orElse(user.getUsername());
        boolean matches;
        try {
            matches = LegacyOutage.guarded(session, federation.getId(), settings, () -> directory.passwordMatches(uuid, password));
        } catch (LegacyUnavailableException e) {
            outage(e);
            return false;
        }
        if (!matches) {
            if (LegacyImport.importedInThisRequest(session, user)) {
                LegacyImport.takeBackAtCommit(session, realm, user);
            }
            return false;
        }
        if (settings.importAndUnlink()) {
            try {
                user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                user.setFederationLink(null);
            } catch (ModelException policyRefusal) {
                // The legacy password breaks the realm's password policy: the person chooses a new one now;
                // the link stays until they have, so aborting that page does not lock them out.
                user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            }
        }
        return true;
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        return user; // imported users are Keycloak's; looking them up never calls legacy
    }

    private boolean hasKeycloakPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findAny().isPresent();
    }

    /**
     * Sign-ins get a clear answer (the login page's "temporarily unavailable", 503 from the token
     * endpoint, 503 in the seed envelope from Lanyard's REST); everything else (admin console, other
     * users' lookups) carries on as if the person were unknown.
     */
    private <T> T outage(LegacyUnavailableException e) {
        if (session.getAttribute(Endpoints.REST_CALL) != null) {
            LOG.debugf("Legacy auth service unavailable during a REST call (%s)", e.getMessage());
            throw ApiError.unavailable(LEGACY_UNAVAILABLE, "The legacy user directory does not answer; try again in a minute.");
        }
        String path = session.getContext().getUri() == null ? "" : session.getContext().getUri().getPath();
        if (path.endsWith("/protocol/openid-connect/token")) {
            throw new WebApplicationException("temporarily_unavailable", Response.status(Response.Status.SERVICE_UNAVAILABLE).build());
        }
        if (path.contains("/login-actions/") || path.endsWith("/protocol/openid-connect/auth")) {
            throw new AuthenticationFlowException(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, "legacy_unavailable", OUTAGE_MESSAGE);
        }
        LOG.debugf("Legacy auth service unavailable outside a sign-in; treating the lookup as not found (%s)", e.getMessage());
        return null;
    }

    @Override
    public void close() {
    }
}
