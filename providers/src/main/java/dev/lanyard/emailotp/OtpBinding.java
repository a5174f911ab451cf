package dev.lanyard.emailotp;

import org.keycloak.models.ClientModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What a code is bound to besides its user: the browser tab's authentication session, or the site
 * (client) of a REST login. A code sent for one binding is worthless for any other.
 */
public record OtpBinding(String id, String label) {

    public static OtpBinding authenticationSession(AuthenticationSessionModel authSession) {
        return new OtpBinding("browser:" + authSession.getParentSession().getId() + "." + authSession.getTabId(),
                "browser sign-in to " + authSession.getClient().getClientId());
    }

    /** Bound to the person alone (reset passcodes: the seed's find-code and change-password calls name no site). */
    public static OtpBinding person() {
        return new OtpBinding("person", "password reset");
    }

    public static OtpBinding site(ClientModel site) {
        return new OtpBinding("site:" + site.getId(), "REST login to site " + site.getClientId());
    }

    /** For logs: says where, without the session id (a session cookie's value). */
    @Override
    public String toString() {
        return label;
    }
}
