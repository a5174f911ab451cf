package dev.lanyard.totp;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * The second factor of Lanyard flows: users with an authenticator app enter its code in Keycloak's
 * own OTP form (so the realm's OTP policy, code-reuse protection and brute-force counting are
 * Keycloak's); users without one pass, or get Keycloak's "Configure OTP" required action when the
 * step requires enrollment.
 */
final class TotpStepAuthenticator implements Authenticator {

    private final OTPFormAuthenticator otpForm = new OTPFormAuthenticator();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (isEnrolled(context.getUser())) {
            otpForm.authenticate(context);
            return;
        }
        if (settings(context).requireEnrollment()) {
            context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        otpForm.action(context);
    }

    static boolean isEnrolled(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    private static TotpSettings settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return TotpSettings.from(config == null ? null : config.getConfig());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Always: whether a user without a device passes or must enroll depends on this step's config. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
