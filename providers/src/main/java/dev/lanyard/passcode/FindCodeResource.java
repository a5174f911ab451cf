package dev.lanyard.passcode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.emailotp.OtpCheck;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Password Reset Workflow", step 2: {@code POST /user/find-code} tells a site whether a passcode is valid,
 * without spending it. A try is counted either way (of the passcode's tries and, when wrong, in the brute-force
 * detector), so the endpoint is no guessing oracle.
 */
public final class FindCodeResource extends PostResource {

    public FindCodeResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@Context HttpHeaders headers, String rawBody) {
        return run("findPasscode", rawBody, () -> {
            BearerAuth.authenticate(session).requireServiceAccount();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("email", "passcode"));
            String email = body.requiredString("email", 254);
            String passcode = body.requiredString("passcode", 32);
            Passcodes passcodes = new Passcodes(session);
            UserModel user = passcodes.person(email);
            OtpCheck check = passcodes.check(email, user, passcode);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("valid", true);
            answer.put("expiresIn", check.remainingSeconds());
            return Endpoints.json(200, answer);
        });
    }
}
