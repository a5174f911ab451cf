package dev.lanyard.sitelogin;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.BruteForce;
import dev.lanyard.account.People;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.site.SiteLoginChecks;
import dev.lanyard.site.SiteTokens;
import dev.lanyard.totp.SiteLoginMfa;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * Seed 000's site password login, {@code POST /user/site/{siteId}/login}: username, email or alias and password,
 * answered with the site's OIDC tokens. The password is Keycloak's credential (a person still in the legacy
 * system is checked there and moves over, as at the browser's login); failures count in the brute-force detector
 * under {@code password}, so they add up with the browser's; the second factor and the account's state apply as
 * for every site login.
 */
final class SitePasswordLogin {

    static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    static final String AUTH_METHOD = "lanyard-site-password";

    private final KeycloakSession session;
    private final RealmModel realm;

    SitePasswordLogin(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    Response login(ClientModel site, HttpHeaders headers, String rawBody) {
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("username", "email", "alias", "password", "totp"));
        String username = body.optionalString("username", 255);
        String email = body.optionalString("email", 254);
        String alias = body.optionalString("alias", 255);
        String password = body.requiredString("password", 256);
        String totp = body.optionalString("totp", 16);
        if ((username != null ? 1 : 0) + (email != null ? 1 : 0) + (alias != null ? 1 : 0) != 1) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the account with exactly one of 'username', 'email' or 'alias'.");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGIN).client(site)
                .detail(Details.AUTH_METHOD, AUTH_METHOD).detail(Details.USERNAME, username != null ? username : email != null ? email : alias);
        UserModel user = username != null ? People.byUsername(session, realm, username)
                : email != null ? People.byEmail(session, realm, email) : People.byAlias(session, realm, alias);
        if (user == null) {
            hashAnyway(password); // an unknown account takes as long as a wrong password
            event.error(Errors.USER_NOT_FOUND);
            throw invalidCredentials();
        }
        event.user(user);
        if (BruteForce.isLocked(session, realm, user)) {
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            throw ApiError.forbidden(ACCOUNT_LOCKED, "The account is locked after too many failed sign-in attempts; try again later.");
        }
        if (!user.credentialManager().isValid(UserCredentialModel.password(password))) {
            BruteForce.failed(session, realm, user, PasswordCredentialModel.TYPE);
            event.error(Errors.INVALID_USER_CREDENTIALS);
            throw invalidCredentials();
        }
        SiteLoginChecks.requireActivated(user, event);
        if (!user.isEnabled()) {
            event.error(Errors.USER_DISABLED);
            throw ApiError.forbidden(ACCOUNT_DISABLED, "The account is disabled.");
        }
        SiteLoginMfa.check(session, realm, site, user, totp, event);
        SiteLoginChecks.requireNoPendingActions(user, event);
        AccessTokenResponse tokens = SiteTokens.issue(session, realm, site, user, AUTH_METHOD, event);
        BruteForce.succeeded(session, realm, user, PasswordCredentialModel.TYPE);
        event.success();
        return Endpoints.json(200, tokens);
    }

    /** Hashes the submitted password with the realm's algorithm and iterations, and throws the result away. */
    private void hashAnyway(String password) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordHashProvider hash = policy.getHashAlgorithm() == null ? session.getProvider(PasswordHashProvider.class)
                : session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
        if (hash != null) {
            hash.encodedCredential(password, policy.getHashIterations());
        }
    }

    private static ApiError invalidCredentials() {
        return ApiError.unauthorized(INVALID_CREDENTIALS, "The account or the password is wrong.");
    }
}
