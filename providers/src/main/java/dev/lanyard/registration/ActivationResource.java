package dev.lanyard.registration;

import java.util.LinkedHashMap;
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

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.site.Sites;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * Seed 000 "User Registration Workflow", step 2: {@code POST /user/activate-token/{userId}} with the token of the
 * activation link, by the site the link was issued for or a partner allowed for it. The token's signature (the
 * realm's keys), type, issuer, expiry, person and address are checked; it is spent once, whether here or by the
 * link in a browser. A refused token changes nothing.
 */
public final class ActivationResource extends SeedResource {

    public static final String INVALID_ACTIVATION_TOKEN = "INVALID_ACTIVATION_TOKEN";
    public static final String ACTIVATION_TOKEN_EXPIRED = "ACTIVATION_TOKEN_EXPIRED";
    public static final String ACTIVATION_TOKEN_USED = "ACTIVATION_TOKEN_USED";
    public static final String ALREADY_ACTIVE = "ALREADY_ACTIVE";

    public ActivationResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(@Context HttpHeaders headers, @PathParam("userId") String userId, String rawBody) {
        return run("activateUser", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            String serialized = JsonBody.parse(headers, rawBody, Set.of("token")).requiredString("token", 8192);
            ActivationActionToken token = verified(serialized);
            UserModel user = LocalPeople.find(session, realm, userId, null).orElse(null);
            if (user == null || !Activations.matches(token, user)) {
                throw invalid(); // another person's token, or one of an address the account no longer has
            }
            ClientModel site = Sites.authorize(realm, caller, token.getIssuedFor());
            Activations.Outcome outcome = Activations.activate(session, realm, user, token, site);
            if (outcome == Activations.Outcome.ALREADY_ACTIVE) {
                throw new ApiError(409, ALREADY_ACTIVE, "The account is active already.");
            }
            if (outcome == Activations.Outcome.USED) {
                throw ApiError.badRequest(ACTIVATION_TOKEN_USED, "This activation token was used already.");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("userId", user.getId());
            answer.put("status", "ACTIVE");
            return Endpoints.json(200, answer);
        });
    }

    /** POST is served at {@code {userId}}: the catch-all leaves single segments to it. */
    @Override
    @POST
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    /** The token, if the realm signed it, it is an activation token of this realm, and it has not expired. */
    private ActivationActionToken verified(String serialized) {
        ActivationActionToken token;
        try {
            token = session.tokens().decode(serialized, ActivationActionToken.class);
        } catch (RuntimeException malformed) {
            token = null;
        }
        if (token == null || !ActivationActionToken.TOKEN_TYPE.equals(token.getActionId()) || token.getUserId() == null) {
            throw invalid();
        }
        try {
            TokenVerifier.createWithoutSignature(token)
                    .withChecks(new TokenVerifier.RealmUrlCheck(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName())))
                    .verify();
        } catch (VerificationException otherIssuer) {
            throw invalid();
        }
        if (token.isExpired()) {
            throw ApiError.badRequest(ACTIVATION_TOKEN_EXPIRED, "This activation token has expired; register again or ask for a new link.");
        }
        return token;
    }

    private static ApiError invalid() {
        return ApiError.badRequest(INVALID_ACTIVATION_TOKEN, "This is not a valid activation token for this account.");
    }
}
