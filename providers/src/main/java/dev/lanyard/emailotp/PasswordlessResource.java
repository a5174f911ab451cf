package dev.lanyard.emailotp;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.site.Sites;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Passwordless Login", first step: {@code POST /user/pwless-login-send-otp} mails a code for a site.
 * The caller is the site's client or a partner allowed for the site, with a client-credentials token. The
 * second step, the site login with the code, is {@code /user/site/{siteId}/login/pwless-otp}
 * ({@link PasswordlessLogin}).
 */
public final class PasswordlessResource extends SeedResource {

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
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "siteId"));
            String email = body.requiredString("email", PasswordlessLogin.MAX_EMAIL_LENGTH);
            String siteId = body.requiredString("siteId", MAX_SITE_ID_LENGTH);

            ClientModel site = Sites.authorize(realm, caller, siteId);
            EmailOtpConfig config = PasswordlessLogin.settings(realm, site);
            PasswordlessLogin.checkEmail(email, config);

            UserModel user = EmailAddresses.findUser(session, realm, email);
            new EmailOtpService(session).requestCode(realm, OtpBinding.site(site), email, user, config);
            return Endpoints.json(202, Map.of(
                    "code", "OTP_SENT",
                    "message", "If an account uses this address, a one-time code was sent to it."));
        });
    }

    /** POST is served at this resource's own path. */
    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }
}
