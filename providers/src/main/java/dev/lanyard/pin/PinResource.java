package dev.lanyard.pin;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.BruteForce;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Change my PIN" at {@code /auth/api/myinfo/changePin} (POST or PUT): the person's own token with
 * CHANGE_PIN_PASSWORD, the current PIN (a wrong one counts toward the PIN lockout and the brute-force detector) and
 * a new PIN under the realm's PIN policy.
 */
public final class PinResource extends SeedResource {

    public static final String WRONG_PIN = "WRONG_PIN";
    public static final String NO_PIN = "NO_PIN";
    public static final String PIN_LOCKED = "PIN_LOCKED";
    public static final String PIN_POLICY = "PIN_POLICY";
    private static final Set<String> FIELDS = Set.of("currentPin", "newPin");

    public PinResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context HttpHeaders headers, String rawBody) {
        return change(headers, rawBody);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@Context HttpHeaders headers, String rawBody) {
        return change(headers, rawBody);
    }

    private Response change(HttpHeaders headers, String rawBody) {
        return run("changeMyPin", rawBody, () -> {
            UserModel person = Entitlements.person(session, realm, Entitlements.CHANGE_PIN_PASSWORD).user();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String currentPin = body.requiredString("currentPin", PinPolicy.LONGEST);
            String newPin = body.requiredString("newPin", PinPolicy.LONGEST);
            PinPolicy policy = PinRequiredActionFactory.policy(realm);
            PinCredentialProvider pins = PinCredentialProvider.of(session);
            CredentialModel current = pins.current(person)
                    .orElseThrow(() -> ApiError.badRequest(NO_PIN, "No PIN is set for this person; set one first (account console or a PIN reset)."));
            String uuid = new PersonRecords(session).uuidOf(person);
            if (!PinLockout.claimTry(session, realm, uuid, policy)) {
                throw ApiError.forbidden(PIN_LOCKED, "The PIN is locked after too many wrong tries; reset it with a security answer or ask an administrator.");
            }
            if (!PinPolicy.plausible(currentPin) || !PinSecrets.matches(session, realm, currentPin, current)) {
                BruteForce.failed(session, realm, person, BruteForce.PASSWORD);
                throw ApiError.badRequest(WRONG_PIN, "The current PIN is wrong.");
            }
            List<PinPolicy.Rule> broken = policy.broken(newPin);
            if (broken.isEmpty() && pins.inHistory(realm, person, newPin, policy)) {
                broken = List.of(PinPolicy.Rule.HISTORY);
            }
            if (!broken.isEmpty()) {
                PinLockout.unlock(session, realm, person); // the current PIN was right
                throw ApiError.badRequest(PIN_POLICY, broken.stream().map(r -> r.text(policy)).collect(Collectors.joining(" ")));
            }
            pins.set(realm, person, newPin, false, policy);
            PinLockout.unlock(session, realm, person);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
        });
    }

    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    @Override
    @PUT
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.PUT);
    }
}
