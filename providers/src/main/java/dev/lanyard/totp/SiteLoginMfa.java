package dev.lanyard.totp;

import dev.lanyard.rest.ApiError;
import dev.lanyard.site.SiteFlows;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The second factor of every REST site login: a user with a TOTP device must send a current code
 * as {@code totp}; a site whose flow requires TOTP for everyone refuses users without a device
 * (they enroll through the site's browser login, as Keycloak's direct grant refuses accounts with
 * pending required actions).
 */
public final class SiteLoginMfa {

    public static final String MFA_REQUIRED = "MFA_REQUIRED";
    public static final String MFA_ENROLLMENT_REQUIRED = "MFA_ENROLLMENT_REQUIRED";

    private SiteLoginMfa() {
    }

    /** Passes, or throws the refusal, which is also the login event's error; a wrong code counts in the brute-force detector. */
    public static void check(KeycloakSession session, RealmModel realm, ClientModel site, UserModel user, String totp,
                             EventBuilder event) {
        try {
            require(session, realm, site, user, totp);
        } catch (ApiError refusal) {
            event.detail(Details.REASON, refusal.code()).error(Errors.INVALID_USER_CREDENTIALS);
            throw refusal;
        }
    }

    private static void require(KeycloakSession session, RealmModel realm, ClientModel site, UserModel user, String totp) {
        TotpEnrollmentService devices = new TotpEnrollmentService(session, realm);
        if (devices.isEnrolled(user)) {
            if (totp == null) {
                throw ApiError.unauthorized(MFA_REQUIRED, "This account uses two-factor sign-in: send the authenticator app's code as 'totp'.");
            }
            if (!devices.isValidCode(user, totp)) {
                devices.countFailure(user);
                throw ApiError.unauthorized(TotpEnrollmentService.INVALID_TOTP, "The authenticator code is invalid or was already used.");
            }
            return;
        }
        boolean required = SiteFlows.stepConfig(realm, site, TotpStepAuthenticatorFactory.PROVIDER_ID)
                .map(TotpSettings::from).map(TotpSettings::requireEnrollment).orElse(false);
        if (required) {
            throw ApiError.forbidden(MFA_ENROLLMENT_REQUIRED,
                    "This site requires two-factor sign-in and the account has no authenticator app yet; enroll one through the site's browser login.");
        }
    }
}
