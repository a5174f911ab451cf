package dev.lanyard.securityanswer;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.People;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import org.keycloak.models.KeycloakSession;

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

    private static final Set<String> FIELDS = Set.of("answer", "securityQuestionId", "username");

    public ResetByAnswerResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response password(@Context HttpHeaders headers, String rawBody) {
        return run("resetPasswordByAnswer", rawBody, () -> reset(headers, rawBody, Entitlements.RESET_PASSWORD, ResetsByAnswer.Secret.PASSWORD));
    }

    @POST
    @Path("pin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response pin(@Context HttpHeaders headers, String rawBody) {
        return run("resetPinByAnswer", rawBody, () -> reset(headers, rawBody, Entitlements.RESET_PIN, ResetsByAnswer.Secret.PIN));
    }

    private Response reset(HttpHeaders headers, String rawBody, String callerEntitlement, ResetsByAnswer.Secret secret) {
        Entitlements.application(session, realm, callerEntitlement);
        ResetsByAnswer resets = new ResetsByAnswer(session, realm);
        resets.requireSwitchedOn();
        JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
        String answer = body.requiredString("answer", SecurityAnswersRequiredAction.MAX_ANSWER);
        long questionId = body.requiredLong("securityQuestionId");
        String username = body.requiredString("username", 255);
        Tenants.requireTenantHeader(headers);
        resets.reset(People.byUsername(session, realm, username), questionId, answer, secret);
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
    }
}
