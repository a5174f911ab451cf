package dev.lanyard.site;

import org.keycloak.OAuth2Constants;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.common.util.Time;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Mints the OIDC tokens of a site login with Keycloak's own machinery, the way its direct grant
 * does: a single-request authentication session for the site's client, a user session, the client's
 * scopes and mappers, signed by the realm's keys. The result is a standard token response that the
 * realm's userinfo, introspection, refresh and logout endpoints accept.
 */
public final class SiteTokens {

    /** User-session note naming the Lanyard step that signed the user in (e.g. {@code lanyard-email-otp}). */
    public static final String AUTH_METHOD_NOTE = "lanyard.auth-method";

    private SiteTokens() {
    }

    public static AccessTokenResponse issue(KeycloakSession session, RealmModel realm, ClientModel site, UserModel user,
                                            String authMethod, EventBuilder event) {
        session.getContext().setClient(site);

        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(site);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setAction(AuthenticatedClientSessionModel.Action.AUTHENTICATE.name());
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, OAuth2Constants.SCOPE_OPENID);
        authSession.setAuthenticatedUser(user);
        session.getContext().setAuthenticationSession(authSession);

        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx = AuthenticationProcessor.attachSession(authSession, null, session, realm,
                session.getContext().getConnection(), event);
        UserSessionModel userSession = clientSessionCtx.getClientSession().getUserSession();
        // auth_time of the ID token, and the age later steps (e.g. removing an MFA device) check.
        userSession.setNote(AuthenticationManager.AUTH_TIME, Integer.toString(Time.currentTime()));
        userSession.setNote(AUTH_METHOD_NOTE, authMethod);
        event.session(userSession);

        TokenManager.AccessTokenResponseBuilder response = new TokenManager()
                .responseBuilder(realm, site, event, session, userSession, clientSessionCtx)
                .generateAccessToken()
                .generateRefreshToken();
        if (TokenUtil.isOIDCRequest(clientSessionCtx.getScopeString())) {
            response.generateIDToken().generateAccessTokenHash();
        }
        return response.build();
    }
}
