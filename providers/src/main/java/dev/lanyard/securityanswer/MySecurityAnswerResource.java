package dev.lanyard.securityanswer;

import java.util.Set;

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

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Add user security answer" ({@code POST /auth/api/myinfo/securityAnswer}) and "Update user's security
 * answer" ({@code POST|PUT .../securityAnswer/{personSecurityAnswerId}}): the person's own token with ADDSECURITYANSWER.
 * The seed's examples echo the answer; Lanyard answers {@code "answer": null} (answers never leave the server).
 */
public final class MySecurityAnswerResource extends SeedResource {

    public static final String UNKNOWN_QUESTION = "UNKNOWN_QUESTION";
    public static final String ALREADY_ANSWERED = "ALREADY_ANSWERED";
    public static final String ANSWER_NOT_FOUND = "ANSWER_NOT_FOUND";
    public static final String NOT_YOUR_ACCOUNT = "NOT_YOUR_ACCOUNT";
    private static final Set<String> FIELDS = Set.of("answer", "securityQuestion", "uuid");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "question");

    public MySecurityAnswerResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@Context HttpHeaders headers, String rawBody) {
        return run("addMySecurityAnswer", rawBody, () -> {
            Request request = read(headers, rawBody);
            SecurityAnswerCredentialProvider answers = SecurityAnswerCredentialProvider.of(session);
            if (answers.answerTo(request.person, request.question.id()).isPresent()) {
                throw new ApiError(409, ALREADY_ANSWERED, "This question is answered already; update that answer instead.");
            }
            return answered(answers.add(request.person, request.question, request.answer), request);
        });
    }

    @POST
    @Path("{personSecurityAnswerId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPost(@PathParam("personSecurityAnswerId") String id, @Context HttpHeaders headers, String rawBody) {
        return update(id, headers, rawBody);
    }

    @PUT
    @Path("{personSecurityAnswerId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPut(@PathParam("personSecurityAnswerId") String id, @Context HttpHeaders headers, String rawBody) {
        return update(id, headers, rawBody);
    }

    private Response update(String id, HttpHeaders headers, String rawBody) {
        return run("updateMySecurityAnswer", rawBody, () -> {
            Request request = read(headers, rawBody);
            SecurityAnswerCredentialProvider answers = SecurityAnswerCredentialProvider.of(session);
            CredentialModel stored = answers.answers(request.person).filter(a -> a.getId().equals(id)).findFirst()
                    .orElseThrow(() -> ApiError.notFound(ANSWER_NOT_FOUND, "You have no security answer with this id."));
            boolean otherAnswered = answers.answerTo(request.person, request.question.id()).filter(a -> !a.getId().equals(id)).isPresent();
            if (otherAnswered) {
                throw new ApiError(409, ALREADY_ANSWERED, "Another of your answers is to this question already.");
            }
            return answered(answers.update(request.person, stored, request.question, request.answer), request);
        });
    }

    private record Request(UserModel person, String uuid, SecurityQuestions.Question question, String answer, SecurityQuestions questions) {
    }

    private Request read(HttpHeaders headers, String rawBody) {
        UserModel person = Entitlements.person(session, realm, Entitlements.ADDSECURITYANSWER).user();
        JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
        String answer = body.requiredString("answer", SecurityAnswersRequiredAction.MAX_ANSWER);
        JsonNode questionNode = body.optionalObject("securityQuestion");
        if (questionNode == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'securityQuestion' is required.");
        }
        JsonBody questionBody = JsonBody.of(questionNode, QUESTION_FIELDS, "securityQuestion");
        long questionId = questionBody.requiredLong("id");
        questionBody.optionalString("question", 1024); // the seed sends the wording too; the id decides
        String uuid = new PersonRecords(session).uuidOf(person);
        String claimed = body.optionalString("uuid", 255);
        if (claimed != null && !claimed.equals(uuid)) {
            throw ApiError.forbidden(NOT_YOUR_ACCOUNT, "A person answers only for their own account: uuid must be yours or absent.");
        }
        SecurityQuestions questions = SecurityQuestions.of(realm);
        SecurityQuestions.Question question = questions.byId(questionId)
                .orElseThrow(() -> ApiError.badRequest(UNKNOWN_QUESTION, "This tenant has no security question with this id."));
        return new Request(person, uuid, question, answer, questions);
    }

    private Response answered(CredentialModel stored, Request request) {
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), AnswerViews.answer(stored, request.uuid, request.questions)));
    }

    @Override
    @POST
    @Unmatched
    @Path(DEEPER)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    @Override
    @PUT
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.PUT);
    }
}
