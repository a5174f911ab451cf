package dev.lanyard.pin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.BruteForce;
import dev.lanyard.account.HashedCredentials;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.SeedPersons;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Validate user PIN" at {@code /auth/api/validate/pin}: a site's or partner's client-credentials token,
 * {@code {"pin", "uuid"}} → {@code {"pinValidated": true|false}}. No guessing oracle: every try is claimed against the
 * PIN lockout of the uuid sent first (so 16 parallel wrong PINs get at most {@code maxFailures} checks), a wrong PIN
 * of a real person counts in the brute-force detector, and an unknown uuid costs the same hash and gets the same
 * answers, the lockout included.
 */
public final class PinValidationResource extends PostResource {

    public static final String INVALID_PIN_FORMAT = "INVALID_PIN_FORMAT";
    private static final Set<String> FIELDS = Set.of("pin", "uuid");

    public PinValidationResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validate(@Context HttpHeaders headers, String rawBody) {
        return run("validatePin", rawBody, () -> {
            Entitlements.application(session, realm, null);
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String pin = body.requiredString("pin", PinPolicy.LONGEST);
            String uuid = SeedPersons.requireUuid(body.requiredString("uuid", SeedPersons.MAX_UUID));
            if (!PinPolicy.plausible(pin)) {
                throw ApiError.badRequest(INVALID_PIN_FORMAT, "A PIN is made of digits only, at most " + PinPolicy.LONGEST + ".");
            }
            PinPolicy policy = PinRequiredActionFactory.policy(realm);
            if (!PinLockout.claimTry(session, realm, uuid, policy)) {
                throw ApiError.forbidden(PinResource.PIN_LOCKED,
                        "The PIN is locked after too many wrong tries; reset it with a security answer or ask an administrator.");
            }
            Optional<UserModel> person = new PersonRecords(session).find(realm, uuid).filter(p -> SeedPersons.mayUseSecrets(session, realm, p));
            PinCredentialProvider pins = PinCredentialProvider.of(session);
            boolean validated;
            if (person.isPresent() && pins.current(person.get()).isPresent()) {
                validated = pins.matches(realm, person.get(), pin);
            } else {
                HashedCredentials.sameCostAsACheck(session);
                validated = false;
            }
            if (validated) {
                PinLockout.cleared(session, realm, uuid);
            } else {
                person.ifPresent(p -> BruteForce.failed(session, realm, p, BruteForce.PASSWORD));
            }
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), Map.of("pinValidated", validated)));
        });
    }
}
