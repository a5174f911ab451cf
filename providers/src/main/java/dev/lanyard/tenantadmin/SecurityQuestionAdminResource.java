package dev.lanyard.tenantadmin;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.securityanswer.SecurityQuestionAdmin;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /auth/admin/client/securityQuestions} (Lanyard's; the seed names the entitlement ADMIN_MANAGE_SECURITY_QUESTION
 * but shows no endpoint): the tenant's questions with retired ones ({@code GET}), add ({@code POST {"question"}}),
 * reword ({@code POST|PUT {id}}), retire ({@code DELETE {id}}). The logic is {@link SecurityQuestionAdmin}.
 */
public final class SecurityQuestionAdminResource extends SeedResource {

    private static final Set<String> FIELDS = Set.of("id", "question", "createdDate", "lastUpdatedDate", "retired");

    public SecurityQuestionAdminResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listTenantSecurityQuestions", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_SECURITY_QUESTION);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new SecurityQuestionAdmin(session, realm).list()));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@Context HttpHeaders headers, String rawBody) {
        return run("addSecurityQuestion", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_SECURITY_QUESTION);
            String question = question(headers, rawBody);
            Tenants.requireTenantHeader(headers);
            Map<String, Object> added = new SecurityQuestionAdmin(session, realm).add(question);
            new TenantAdminEvents(session, realm, caller).securityQuestions(OperationType.UPDATE, Map.of("added", added.get("id")));
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), added));
        });
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rewordByPost(@PathParam("id") String id, @Context HttpHeaders headers, String rawBody) {
        return reword(id, headers, rawBody);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rewordByPut(@PathParam("id") String id, @Context HttpHeaders headers, String rawBody) {
        return reword(id, headers, rawBody);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retire(@PathParam("id") String id) {
        return run("retireSecurityQuestion", null, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_SECURITY_QUESTION);
            long number = id(id);
            Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
            Map<String, Object> retired = new SecurityQuestionAdmin(session, realm).retire(number);
            new TenantAdminEvents(session, realm, caller).securityQuestions(OperationType.UPDATE, Map.of("retired", number));
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), retired));
        });
    }

    private Response reword(String id, HttpHeaders headers, String rawBody) {
        return run("rewordSecurityQuestion", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_SECURITY_QUESTION);
            long number = id(id);
            String question = question(headers, rawBody);
            Tenants.requireTenantHeader(headers);
            Map<String, Object> reworded = new SecurityQuestionAdmin(session, realm).reword(number, question);
            new TenantAdminEvents(session, realm, caller).securityQuestions(OperationType.UPDATE, Map.of("reworded", number));
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), reworded));
        });
    }

    /** The question's wording: one line, no {@code ##} (Keycloak's separator of multivalued config values). */
    private static String question(HttpHeaders headers, String rawBody) {
        String question = JsonBody.parse(headers, rawBody, FIELDS).requiredString("question", 255);
        if (question.contains("##")) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "A question cannot contain '##'.");
        }
        return question;
    }

    private static long id(String id) {
        if (id == null || !id.matches("\\d{1,12}")) {
            throw ApiError.notFound(SecurityQuestionAdmin.QUESTION_NOT_FOUND, "This tenant has no security question with this id.");
        }
        return Long.parseLong(id);
    }

    @Override
    @GET
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
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

    @Override
    @DELETE
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }
}
