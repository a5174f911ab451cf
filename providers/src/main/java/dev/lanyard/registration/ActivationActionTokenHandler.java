package dev.lanyard.registration;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.lanyard.LanyardVersion;
import org.keycloak.TokenVerifier;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The activation link in a browser ({@code /realms/{realm}/login-actions/action-token?key=...}): Keycloak checks
 * the token's signature, expiry, user (enabled) and client; this activates the account and shows a page saying so,
 * with a link to the site. The token is spent here, atomically ({@link Activations#activate}), not by Keycloak's
 * own mark, so the link and {@code POST /user/activate-token/{userId}} share one rule: one use, either way.
 */
public final class ActivationActionTokenHandler extends AbstractActionTokenHandler<ActivationActionToken>
        implements ServerInfoAwareProviderFactory {

    static final String ACTIVATED = "lanyardAccountActivated";
    static final String ALREADY_ACTIVE = "lanyardAccountAlreadyActive";
    static final String USED = "lanyardActivationLinkUsed";
    static final String HEADER = "lanyardActivationHeader";

    public ActivationActionTokenHandler() {
        super(ActivationActionToken.TOKEN_TYPE, ActivationActionToken.class, USED, EventType.VERIFY_EMAIL, Errors.INVALID_TOKEN);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TokenVerifier.Predicate<? super ActivationActionToken>[] getVerifiers(ActionTokenContext<ActivationActionToken> context) {
        return TokenUtils.predicates(verifyEmail(context));
    }

    @Override
    public boolean canUseTokenRepeatedly(ActivationActionToken token, ActionTokenContext<ActivationActionToken> context) {
        return true; // spent by Activations.activate, once, whichever path uses it first
    }

    @Override
    public Response handleToken(ActivationActionToken token, ActionTokenContext<ActivationActionToken> context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        ClientModel site = authSession.getClient();
        Activations.Outcome outcome = Activations.activate(context.getSession(), context.getRealm(), user, token, site);
        LoginFormsProvider page = context.getSession().getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession)
                .setUser(user);
        String siteUrl = site.getBaseUrl() != null && !site.getBaseUrl().isBlank() ? site.getBaseUrl() : site.getRootUrl();
        if (siteUrl != null && !siteUrl.isBlank()) {
            page.setAttribute("pageRedirectUri", siteUrl);
        }
        page.setAttribute("messageHeader", page.getMessage(HEADER));
        return switch (outcome) {
            case ACTIVATED -> page.setSuccess(ACTIVATED, ActivationMail.siteName(site)).createInfoPage();
            case ALREADY_ACTIVE -> page.setInfo(ALREADY_ACTIVE).createInfoPage();
            case USED -> page.setError(USED).createInfoPage();
        };
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return LanyardVersion.operationalInfo();
    }
}
