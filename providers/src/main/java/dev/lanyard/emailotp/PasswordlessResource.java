package dev.lanyard.emailotp;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
 * Seed 000 "Passwordless Login", first step: {@code POST /user/pwless-login-send-otp} mails a code for a site, to the
 * account named by its email or one of its login aliases.
 * The caller is the site's client or a partner allowed for the site, with a client-credentials token. The
 * second step, the site login with the code, is {@code /user/site/{siteId}/login/pwless-otp}
 * ({@link PasswordlessLogin}).
 */
public final class PasswordlessResource extends PostResource {

    private static final int MAX_SITE_ID_LENGTH = 255;

    public PasswordlessResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    /** Sends a code. 202 alike whether or not the address has an account, and whatever the cooldown. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendOtp(@Context HttpHeaders headers, String rawBody) {
        return run("sendPasswordlessOtp", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "alias", "siteId"));
            PasswordlessLogin.Identifier who = PasswordlessLogin.identifier(body);
            String siteId = body.requiredString("siteId", MAX_SITE_ID_LENGTH);

            ClientModel site = Sites.authorize(realm, caller, siteId);
            EmailOtpConfig config = PasswordlessLogin.settings(realm, site);
            who.check(config);

            UserModel user;
            try {
                user = who.find(session, realm);
            } catch (ApiError outage) {
                if (!outage.rollsBack()) {
                    throw outage;
                }
                // The legacy directory does not answer: the same 202 as for everybody; the code follows if it answers in time.
                OutageRetry.schedule(session, realm, CodePurpose.SIGN_IN, site, who.value(), config, (s, r) -> who.find(s, r));
                return accepted();
            }
            new EmailOtpService(session).requestCode(realm, OtpBinding.site(site), who.value(), user, config);
            return accepted();
        });
    }

    private static Response accepted() {
        return Endpoints.json(202, Map.of(
                "code", "OTP_SENT",
                "message", "If an account uses this address, a one-time code was sent to it."));
    }

}
