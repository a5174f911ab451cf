package dev.lanyard.securityanswer;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.BruteForce;
import dev.lanyard.account.HashedCredentials;
import dev.lanyard.account.People;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.mail.MailAfterCommit;
import dev.lanyard.person.SeedPersons;
import dev.lanyard.pin.PinCredentialProvider;
import dev.lanyard.pin.PinLockout;
import dev.lanyard.pin.PinPolicy;
import dev.lanyard.pin.PinRequiredActionFactory;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Reset user password" ({@code POST /auth/api/reset/password}) and "Reset user PIN" ({@code .../reset/pin}):
 * a site's or partner's client-credentials token with RESET_PASSWORD or RESET_PIN, the {@code tenantName} header,
 * {@code {"answer", "securityQuestionId", "username"}}. A right answer mails a temporary password (the next sign-in
 * must change it) or PIN to a person holding GET_TEMPORARY_PASSWORD or GET_TEMPORARY_PIN. Everything else (a wrong
 * answer, an unknown user, a question never answered, a locked, disabled or closed person) gets one answer after one
 * hash run; wrong answers of real people count in the brute-force detector. Off unless the realm switches it on
 * ({@link SecurityQuestions#resetByAnswer()}).
 */
public final class ResetByAnswerResource extends SeedResource {

    public static final String ANSWER_NOT_ACCEPTED = "ANSWER_NOT_ACCEPTED";
    public static final String RESET_BY_ANSWER_OFF = "RESET_BY_ANSWER_OFF";
    private static final Set<String> FIELDS = Set.of("answer", "securityQuestionId", "username");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ResetByAnswerResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response password(@Context HttpHeaders headers, String rawBody) {
        return run("resetPasswordByAnswer", rawBody, () -> reset(headers, rawBody, Entitlements.RESET_PASSWORD,
                Entitlements.GET_TEMPORARY_PASSWORD, person -> {
                    String password = TemporarySecrets.password(session, realm, person, RANDOM);
                    person.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                    person.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
                    MailAfterCommit.send(session, realm, person, new MailAfterCommit.Message("lanyardTemporaryPasswordSubject",
                            List.of(realmName()), "lanyard-temporary-password.ftl", Map.of("temporaryPassword", password, "realmName", realmName()),
                            "temporary password"));
                }));
    }

    @POST
    @Path("pin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response pin(@Context HttpHeaders headers, String rawBody) {
        return run("resetPinByAnswer", rawBody, () -> reset(headers, rawBody, Entitlements.RESET_PIN,
                Entitlements.GET_TEMPORARY_PIN, person -> {
                    PinPolicy policy = PinRequiredActionFactory.policy(realm);
                    String pin = TemporarySecrets.pin(policy, RANDOM);
                    PinCredentialProvider.of(session).set(realm, person, pin, true, policy);
                    PinLockout.unlock(session, realm, person);
                    MailAfterCommit.send(session, realm, person, new MailAfterCommit.Message("lanyardTemporaryPinSubject",
                            List.of(realmName()), "lanyard-temporary-pin.ftl", Map.of("temporaryPin", pin, "realmName", realmName()),
                            "temporary PIN"));
                }));
    }

    private interface Reset {
        void apply(UserModel person);
    }

    private Response reset(HttpHeaders headers, String rawBody, String callerEntitlement, String personEntitlement, Reset reset) {
        Entitlements.application(session, realm, callerEntitlement);
        SecurityQuestions questions = SecurityQuestions.of(realm);
        if (!questions.resetByAnswer()) {
            throw ApiError.forbidden(RESET_BY_ANSWER_OFF, "Resets by security answer are off in this tenant.");
        }
        JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
        String answer = body.requiredString("answer", SecurityAnswersRequiredAction.MAX_ANSWER);
        long questionId = body.requiredLong("securityQuestionId");
        String username = body.requiredString("username", 255);
        Tenants.requireTenantHeader(headers);

        SecurityAnswerCredentialProvider answers = SecurityAnswerCredentialProvider.of(session);
        UserModel person = People.byUsername(session, realm, username);
        Optional<CredentialModel> stored = Optional.ofNullable(person)
                .filter(p -> SeedPersons.mayUseSecrets(session, realm, p) && Entitlements.holds(realm, p, personEntitlement))
                .flatMap(p -> answers.answerTo(p, questionId));
        boolean right;
        if (stored.isPresent()) {
            right = answers.matches(stored.get(), answer);
        } else {
            HashedCredentials.sameCostAsACheck(session);
            right = false;
        }
        if (!right) {
            if (person != null && !BruteForce.isLocked(session, realm, person)) {
                BruteForce.failed(session, realm, person, BruteForce.PASSWORD);
            }
            throw ApiError.badRequest(ANSWER_NOT_ACCEPTED, "The username, the question or the answer does not match.");
        }
        reset.apply(person);
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
    }

    private String realmName() {
        return realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
    }
}
