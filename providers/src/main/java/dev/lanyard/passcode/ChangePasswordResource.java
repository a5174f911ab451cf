package dev.lanyard.passcode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.PasswordRules;
import dev.lanyard.account.SignOuts;
import dev.lanyard.emailotp.OtpCheck;
import dev.lanyard.mail.MailAfterCommit;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Password Reset Workflow", step 3: {@code POST /user/change-password-from-passcode} sets a new password
 * with a valid passcode, no old password ("Old password is not required"). The realm's password policy applies,
 * its history too; the passcode is spent; every session and refresh token of the person ends; an UPDATE_PASSWORD
 * event (the audit trail's record) and a notice mail follow. A brute-force lock is left as it is: a temporary one
 * runs out, a permanent one needs an admin, as for Keycloak's own reset.
 */
public final class ChangePasswordResource extends PostResource {

    static final String NOTICE_TEMPLATE = "lanyard-password-changed.ftl";
    static final String NOTICE_SUBJECT = "lanyardPasswordChangedSubject";

    public ChangePasswordResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(@Context HttpHeaders headers, String rawBody) {
        return run("changePasswordFromPasscode", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "passcode", "newPassword"));
            String email = body.requiredString("email", 254);
            String passcode = body.requiredString("passcode", 32);
            String newPassword = body.requiredString("newPassword", 256);
            Passcodes passcodes = new Passcodes(session);
            UserModel user = passcodes.person(email);
            OtpCheck check = passcodes.check(email, user, passcode);
            Locale language = session.getContext().resolveLocale(user);
            PasswordRules.require(session, realm, user, newPassword, language); // refused: the passcode stays valid for a retry
            passcodes.spend(check);

            user.credentialManager().updateCredential(UserCredentialModel.password(newPassword, false));
            SignOuts.everywhere(session, realm, user);
            new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.UPDATE_PASSWORD)
                    .client(caller.client()).user(user).detail(Details.REASON, "passcode").success();
            MailAfterCommit.send(session, realm, user, new MailAfterCommit.Message(NOTICE_SUBJECT, List.of(), NOTICE_TEMPLATE,
                    Map.of(), "password changed"));
            return Endpoints.json(200, Map.of("code", "PASSWORD_CHANGED",
                    "message", "The password is changed; the account's other sign-ins have ended."));
        });
    }
}
