package dev.lanyard.securityanswer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Get user security questions" at {@code /auth/api/myinfo/securityQuestions}: the questions the signed-in
 * person answered (answers null). Only their own token: which questions someone answered is theirs to see.
 */
public final class MySecurityQuestionsResource extends SeedResource {

    public MySecurityQuestionsResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listMySecurityQuestions", null, () -> {
            UserModel person = Entitlements.person(session, realm, null).user();
            String uuid = new PersonRecords(session).uuidOf(person);
            SecurityQuestions questions = SecurityQuestions.of(realm);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), SecurityAnswerCredentialProvider.of(session)
                    .answers(person).map(a -> AnswerViews.answer(a, uuid, questions)).toList()));
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
