package dev.lanyard.passcode;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.emailotp.CodePurpose;
import dev.lanyard.emailotp.EmailAddresses;
import dev.lanyard.emailotp.EmailOtpConfig;
import dev.lanyard.emailotp.OutageRetry;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.site.Sites;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Password Reset Workflow", step 1: {@code POST /user/send-passcode}, by a site or a partner allowed for
 * it. 202 alike for every address, with or without an account, within the resend cooldown or not, and while the
 * legacy directory does not answer (the passcode follows once it does: {@link OutageRetry}).
 */
public final class SendPasscodeResource extends PostResource {

    public SendPasscodeResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@Context HttpHeaders headers, String rawBody) {
        return run("sendPasscode", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "siteId"));
            String email = body.requiredString("email", 254);
            ClientModel site = Sites.authorize(realm, caller, body.requiredString("siteId", 255));
            EmailAddresses.requireValid(email);
            EmailOtpConfig config = Passcodes.settings(realm, site);
            Passcodes passcodes = new Passcodes(session);
            UserModel user;
            try {
                user = passcodes.person(email);
            } catch (ApiError outage) {
                if (!outage.rollsBack()) {
                    throw outage;
                }
                // The legacy directory does not answer: the same 202 as always (telling who has not moved yet would be
                // an oracle); the passcode goes out if the directory answers within the passcode's lifetime.
                OutageRetry.schedule(session, realm, CodePurpose.PASSWORD_RESET, null, email, config,
                        (s, r) -> new Passcodes(s).person(email));
                return accepted();
            }
            passcodes.send(email, user, config);
            return accepted();
        });
    }

    static Response accepted() {
        return Endpoints.json(202, Map.of("code", "PASSCODE_SENT",
                "message", "If an account uses this address, a passcode was sent to it."));
    }
}
