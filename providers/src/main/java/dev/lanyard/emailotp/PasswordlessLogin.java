package dev.lanyard.emailotp;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.People;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.site.SiteFlows;
import dev.lanyard.site.SiteLoginChecks;
import dev.lanyard.site.SiteTokens;
import dev.lanyard.totp.SiteLoginMfa;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * Seed 000 "Passwordless Login", second step: a site login with email + code, answered with the site's OIDC
 * tokens. The site is authorized by the caller ({@code sitelogin}); this checks the code, the second factor
 * and the account, then mints the tokens.
 */
public final class PasswordlessLogin {

    public static final String EMAIL_DOMAIN_NOT_ALLOWED = "EMAIL_DOMAIN_NOT_ALLOWED";
    public static final String INVALID_OTP = "INVALID_OTP";
    public static final String USER_LOCKED = "USER_LOCKED";
    public static final String PWLESS_NOT_ENABLED = "PWLESS_NOT_ENABLED";

    static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_ALIAS_LENGTH = 255;
    private static final int MAX_OTP_LENGTH = 32;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EmailOtpService otp;

    public PasswordlessLogin(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.otp = new EmailOtpService(session);
    }

    /** Exchanges email + code for the tokens of {@code site}, a site the caller may act for. */
    public Response login(ClientModel site, HttpHeaders headers, String rawBody) {
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "alias", "otp", "totp"));
        Identifier who = identifier(body);
        String submitted = body.requiredString("otp", MAX_OTP_LENGTH);
        String totp = body.optionalString("totp", MAX_OTP_LENGTH);
        if (OtpCodes.normalize(submitted) == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                    "The field 'otp' must be the digits of the code that was sent.");
        }
        EmailOtpConfig config = settings(realm, site);
        who.check(config);

        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .client(site)
                .detail(Details.AUTH_METHOD, EmailOtpAuthenticatorFactory.PROVIDER_ID);
        if (who.isEmail()) {
            event.detail(Details.EMAIL, who.value());
        }
        UserModel user = who.find(session, realm);
        if (user != null) {
            event.user(user).detail(Details.USERNAME, user.getUsername());
        }

        OtpCheck check = otp.check(realm, OtpBinding.site(site), who.value(), user, submitted);
        if (check.verdict() == OtpVerdict.USER_LOCKED) {
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            throw ApiError.unauthorized(USER_LOCKED,
                    "The account is locked after too many failed sign-in attempts; try again later.");
        }
        if (!check.verdict().accepted()) {
            throw refuseCode(user, event, check.verdict());
        }
        // The second factor before the email code is used up: a client told MFA_REQUIRED retries with the same code.
        SiteLoginMfa.check(session, realm, site, user, totp, event);
        OtpVerdict verdict = otp.use(check);
        if (!verdict.accepted()) {
            throw refuseCode(user, event, verdict);
        }

        SiteLoginChecks.requireActivated(user, event);
        // The code proved the address; done before the checks below, as the browser path does.
        EmailOtpService.markEmailVerified(user);
        if (!user.isEnabled()) {
            event.error(Errors.USER_DISABLED);
            throw ApiError.unauthorized(INVALID_OTP, "The code is invalid or has expired.");
        }
        SiteLoginChecks.requireNoPendingActions(user, event);

        AccessTokenResponse tokens = SiteTokens.issue(session, realm, site, user, EmailOtpAuthenticatorFactory.PROVIDER_ID, event);
        otp.recordSuccess(realm, user);
        event.success();
        return Endpoints.json(200, tokens);
    }

    /** One answer for every refused code; the reason goes to the admin's event log only. */
    private ApiError refuseCode(UserModel user, EventBuilder event, OtpVerdict verdict) {
        otp.recordFailure(realm, user);
        event.detail(Details.REASON, verdict.name()).error(user == null ? Errors.USER_NOT_FOUND : Errors.INVALID_USER_CREDENTIALS);
        return ApiError.unauthorized(INVALID_OTP, "The code is invalid or has expired.");
    }

    /** The settings of the email OTP step in the site's browser flow; 403 when the flow has none. */
    static EmailOtpConfig settings(RealmModel realm, ClientModel site) {
        return SiteFlows.stepConfig(realm, site, EmailOtpAuthenticatorFactory.PROVIDER_ID).map(EmailOtpConfig::from)
                .orElseThrow(() -> ApiError.forbidden(PWLESS_NOT_ENABLED,
                "Passwordless login is not enabled for this site: its browser flow has no enabled Lanyard Email OTP step."));
    }

    /** Who a request names: its {@code email}, or one of its login aliases ({@code alias}); exactly one of the two. */
    record Identifier(String value, boolean isEmail) {

        void check(EmailOtpConfig config) {
            if (!isEmail) {
                return; // the account's own address is checked against the domains before a code is sent
            }
            EmailAddresses.requireValid(value);
            if (!config.allowedDomains().allows(value)) {
                throw ApiError.badRequest(EMAIL_DOMAIN_NOT_ALLOWED, "Sign-in with a code is not allowed for this email domain.");
            }
        }

        UserModel find(KeycloakSession session, RealmModel realm) {
            return isEmail ? People.byIdentifier(session, realm, value) : People.byAlias(session, realm, value);
        }
    }

    static Identifier identifier(JsonBody body) {
        String email = body.optionalString("email", MAX_EMAIL_LENGTH);
        String alias = body.optionalString("alias", MAX_ALIAS_LENGTH);
        if ((email == null) == (alias == null)) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the account with exactly one of 'email' or 'alias'.");
        }
        return email != null ? new Identifier(email, true) : new Identifier(alias, false);
    }
}
