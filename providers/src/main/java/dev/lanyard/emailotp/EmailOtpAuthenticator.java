package dev.lanyard.emailotp;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Browser step of passwordless email sign-in: who are you (email or username) → code mailed →
 * code form → signed in. Unknown people walk the same pages with the same messages and get no mail.
 * <p>
 * State lives in authentication-session notes and in {@link EmailOtpService}'s cluster-wide store;
 * this class keeps none (Keycloak shares one instance).
 */
final class EmailOtpAuthenticator implements Authenticator {

    static final String IDENTIFY_FORM = "lanyard-email-otp-identify.ftl";
    static final String CODE_FORM = "lanyard-email-otp-code.ftl";

    static final String FIELD_IDENTIFIER = "username";
    static final String FIELD_CODE = "otp";
    static final String PARAM_RESEND = "resend";

    /** What the person typed to identify themselves; shown back on the code page. */
    static final String NOTE_IDENTIFIER = "lanyard.email-otp.identifier";
    /** Set once a code was requested: later posts are code entries or resends. */
    static final String NOTE_CODE_STAGE = "lanyard.email-otp.code-stage";

    private static final int MAX_IDENTIFIER_LENGTH = 255;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(NOTE_CODE_STAGE) != null) {
            // A reload of the code page: show it again, send nothing (known or not, the same page).
            context.challenge(codeForm(context, config(context)).createForm(CODE_FORM));
            return;
        }
        UserModel user = context.getUser();
        if (user != null) {
            // An earlier step (username form, identity provider) already knows who this is.
            String identifier = user.getEmail() != null ? user.getEmail() : user.getUsername();
            requestCode(context, identifier, user, false);
            return;
        }
        String loginHint = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        context.challenge(identifyForm(context, loginHint).createForm(IDENTIFY_FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(NOTE_CODE_STAGE) == null) {
            identify(context, form.getFirst(FIELD_IDENTIFIER));
        } else if (form.containsKey(PARAM_RESEND)) {
            requestCode(context, authSession.getAuthNote(NOTE_IDENTIFIER), context.getUser(), true);
        } else {
            checkCode(context, form.getFirst(FIELD_CODE));
        }
    }

    private void identify(AuthenticationFlowContext context, String rawIdentifier) {
        String identifier = rawIdentifier == null ? "" : rawIdentifier.trim();
        EmailOtpConfig config = config(context);
        String problem = null;
        if (identifier.isEmpty()) {
            problem = Messages.IDENTIFIER_MISSING;
        } else if (identifier.length() > MAX_IDENTIFIER_LENGTH || identifier.chars().anyMatch(Character::isISOControl)) {
            problem = Messages.IDENTIFIER_INVALID;
        } else if (identifier.indexOf('@') >= 0 && !EmailAddresses.isValid(identifier)) {
            problem = Messages.EMAIL_INVALID;
        } else if (identifier.indexOf('@') >= 0 && !config.allowedDomains().allows(identifier)) {
            problem = Messages.EMAIL_DOMAIN_NOT_ALLOWED;
        }
        if (problem != null) {
            context.getEvent().error(Errors.INVALID_INPUT);
            Response form = identifyForm(context, identifier)
                    .addError(new FormMessage(FIELD_IDENTIFIER, problem))
                    .createForm(IDENTIFY_FORM);
            context.challenge(form);
            return;
        }

        UserModel user = EmailAddresses.findUser(context.getSession(), context.getRealm(), identifier);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Keycloak's login pages show this with a "restart login" link, for known and unknown alike.
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, identifier);
        if (user != null) {
            context.setUser(user);
        }
        requestCode(context, identifier, user, false);
    }

    private void requestCode(AuthenticationFlowContext context, String identifier, UserModel user, boolean resend) {
        EmailOtpConfig config = config(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_IDENTIFIER, identifier);
        authSession.setAuthNote(NOTE_CODE_STAGE, "true");

        IssueOutcome outcome = service(context).requestCode(context.getRealm(),
                OtpBinding.authenticationSession(authSession), identifier, user, config);

        LoginFormsProvider form = codeForm(context, config);
        if (outcome == IssueOutcome.COOLDOWN) {
            form.setError(Messages.RESEND_COOLDOWN, config.resendCooldownSeconds());
        } else {
            form.setInfo(resend ? Messages.CODE_RESENT : Messages.CODE_SENT, identifier);
        }
        context.challenge(form.createForm(CODE_FORM));
    }

    private void checkCode(AuthenticationFlowContext context, String submitted) {
        EmailOtpConfig config = config(context);
        UserModel user = context.getUser();
        if (submitted == null || submitted.isBlank()) {
            context.challenge(codeForm(context, config)
                    .addError(new FormMessage(FIELD_CODE, Messages.CODE_MISSING))
                    .createForm(CODE_FORM));
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        OtpVerdict verdict = service(context).verify(context.getRealm(), OtpBinding.authenticationSession(authSession),
                authSession.getAuthNote(NOTE_IDENTIFIER), user, submitted);

        if (verdict.accepted()) {
            EmailOtpService.markEmailVerified(user);
            authSession.removeAuthNote(NOTE_CODE_STAGE);
            context.success(EmailOtpService.CREDENTIAL_CATEGORY);
            return;
        }
        if (verdict == OtpVerdict.USER_LOCKED) {
            context.getEvent().user(user).error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(codeForm(context, config)
                    .addError(new FormMessage(FIELD_CODE, Messages.USER_LOCKED))
                    .createForm(CODE_FORM));
            return;
        }

        // The reason is for the admin's event log; the person sees one message for all of them.
        context.getEvent().detail(Details.REASON, verdict.name());
        if (user != null) {
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        } else {
            context.getEvent().detail(Details.USERNAME, authSession.getAuthNote(NOTE_IDENTIFIER))
                    .error(Errors.USER_NOT_FOUND);
        }
        Response form = codeForm(context, config)
                .addError(new FormMessage(FIELD_CODE, Messages.CODE_INVALID))
                .createForm(CODE_FORM);
        // A failure challenge makes Keycloak count it in the brute-force detector (category "otp").
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form);
    }

    private LoginFormsProvider identifyForm(AuthenticationFlowContext context, String identifier) {
        return context.form().setAttribute("lanyardEmailOtp",
                new EmailOtpFormBean(identifier, config(context), false));
    }

    private LoginFormsProvider codeForm(AuthenticationFlowContext context, EmailOtpConfig config) {
        String identifier = context.getAuthenticationSession().getAuthNote(NOTE_IDENTIFIER);
        return context.form().setAttribute("lanyardEmailOtp", new EmailOtpFormBean(identifier, config, true));
    }

    private static EmailOtpConfig config(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        return EmailOtpConfig.from(model == null ? null : model.getConfig());
    }

    private static EmailOtpService service(AuthenticationFlowContext context) {
        return new EmailOtpService(context.getSession());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Nothing to set up: the user's email address is the credential.
    }

    @Override
    public void close() {
    }
}
