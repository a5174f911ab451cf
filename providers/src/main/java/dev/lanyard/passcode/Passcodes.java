package dev.lanyard.passcode;

import dev.lanyard.account.People;
import dev.lanyard.emailotp.CodePurpose;
import dev.lanyard.emailotp.EmailOtpAuthenticatorFactory;
import dev.lanyard.emailotp.EmailOtpConfig;
import dev.lanyard.emailotp.EmailOtpService;
import dev.lanyard.emailotp.IssueOutcome;
import dev.lanyard.emailotp.OtpBinding;
import dev.lanyard.emailotp.OtpCheck;
import dev.lanyard.emailotp.OtpVerdict;
import dev.lanyard.rest.ApiError;
import dev.lanyard.site.SiteFlows;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reset passcodes: the email-code machinery ({@link EmailOtpService}: hashed, single use, lifetime, tries, resend
 * cooldown, Keycloak's single-use store) with the purpose {@link CodePurpose#PASSWORD_RESET}, so they never sign in
 * and sign-in codes never reset. A passcode is bound to the person, not to a site: the seed's find-code and
 * change-password calls name none. Its settings are those of the Lanyard Email OTP step in the requesting site's
 * browser flow, or the defaults when it has none.
 */
final class Passcodes {

    static final String INVALID_PASSCODE = "INVALID_PASSCODE";
    /** The binding of every reset passcode: per person (the purpose keeps them apart from sign-in codes). */
    static final OtpBinding BINDING = OtpBinding.person();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EmailOtpService codes;

    Passcodes(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.codes = new EmailOtpService(session, CodePurpose.PASSWORD_RESET);
    }

    static EmailOtpConfig settings(RealmModel realm, ClientModel site) {
        return SiteFlows.stepConfig(realm, site, EmailOtpAuthenticatorFactory.PROVIDER_ID).map(EmailOtpConfig::from)
                .orElseGet(EmailOtpConfig::defaults);
    }

    /** Mails a passcode if the address names an account that can receive one; the same answer either way. */
    IssueOutcome send(String email, UserModel user, EmailOtpConfig config) {
        return codes.requestCode(realm, BINDING, email, user, config);
    }

    UserModel person(String email) {
        return People.byEmail(session, realm, email);
    }

    /**
     * Checks a passcode without spending it; a wrong one costs a try of the passcode and counts in the brute-force
     * detector. One refusal for every reason (wrong, spent, expired, never sent, unknown address).
     */
    OtpCheck check(String email, UserModel user, String passcode) {
        OtpCheck check = codes.check(realm, BINDING, email, user, passcode);
        if (!check.verdict().accepted()) {
            codes.recordFailure(realm, user);
            throw refused();
        }
        return check;
    }

    /** Spends a checked passcode; of two requests with the same passcode, one gets here. */
    void spend(OtpCheck check) {
        if (codes.use(check) != OtpVerdict.ACCEPTED) {
            throw refused();
        }
    }

    static ApiError refused() {
        return ApiError.badRequest(INVALID_PASSCODE, "The passcode is invalid or has expired.");
    }
}
