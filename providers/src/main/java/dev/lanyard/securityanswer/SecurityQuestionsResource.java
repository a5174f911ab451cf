package dev.lanyard.securityanswer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/** Seed 003 "Retrieve security questions" at {@code /auth/api/securityQuestions}: the tenant's list, for apps. */
public final class SecurityQuestionsResource extends SeedResource {

    public SecurityQuestionsResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listSecurityQuestions", null, () -> {
            Entitlements.application(session, realm, null);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(),
                    SecurityQuestions.of(realm).questions().stream().map(AnswerViews::question).toList()));
        });
    }

    @Override
    @GET
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }
}
