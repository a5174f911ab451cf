package dev.lanyard.tenantadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.migration.LegacyImport;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.person.PersonStatuses;
import dev.lanyard.person.PersonView;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.securityanswer.ResetsByAnswer;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "ClientPerson" (the list in the seed's short form, one person as the Person object, create, update, delete)
 * and "ClientPersonStatus" at {@code /auth/admin/client/person}: a tenant admin (a user
 * or service account of the realm) reads, creates, updates and deletes the tenant's persons (ADMIN_MANAGE_CLIENT_USER; the writes in {@link PersonWrites}), locks, unlocks and sets
 * their status (ADMIN_MANAGE_CLIENT_USER_STATUS), and resets their password or PIN with their security answer
 * (ADMIN_RESET_USER_PASSWORD, ADMIN_RESET_USER_PIN). A uuid of no person of this realm is 404: no tenant learns what
 * another holds. Persons are the realm's local users; service accounts are never persons.
 */
public final class PersonAdminResource extends SeedResource {

    private static final int DEFAULT_MAX = 100;
    private static final int MOST = 1000;
    private static final Set<String> RESET_FIELDS = Set.of("answer", "securityQuestionId");

    public PersonAdminResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") String first, @QueryParam("max") String max, @QueryParam("status") String status,
                         @QueryParam("personType") String personType, @QueryParam("username") String username) {
        return run("listPersons", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER);
            int skip = number(first, 0, Integer.MAX_VALUE, "first");
            int limit = number(max, DEFAULT_MAX, MOST, "max");
            String wanted = status == null ? null : PersonStatuses.parse(status).name();
            PersonView views = new PersonView(session, realm);
            Map<String, String> search = username == null || username.isBlank() ? Map.of(UserModel.SEARCH, "*")
                    : Map.of(UserModel.USERNAME, username.trim());
            Stream<UserModel> persons = session.users().searchForUserStream(realm, search)
                    .filter(u -> u.getServiceAccountClientLink() == null)
                    .filter(u -> personType == null || personType.equalsIgnoreCase(u.getFirstAttribute(LegacyImport.PERSON_TYPE)));
            List<Map<String, Object>> page = persons.map(views::summary)
                    .filter(view -> wanted == null || wanted.equals(view.get("status")) || "LOCKED".equals(view.get("status")) && "DISABLED".equals(wanted))
                    .skip(skip).limit(limit).toList();
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), page));
        });
    }

    @GET
    @Path("{uuid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("uuid") String uuid) {
        return run("getPerson", null, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER);
            UserModel person = person(uuid);
            new TenantAdminEvents(session, realm, caller).personRead(person, "ADMIN_PERSON_READ");
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new PersonView(session, realm).of(person)));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, String rawBody) {
        return run("createPerson", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER);
            PersonForm form = PersonForm.read(JsonBody.parse(headers, rawBody, PersonForm.FIELDS), true);
            Tenants.requireTenantHeader(headers);
            UserModel person = new PersonWrites(session, realm, caller.user()).create(form);
            new TenantAdminEvents(session, realm, caller).person(OperationType.CREATE, person, Map.of("uuid", form.uuid(), "roleNames", form.roleNames()));
            return personAnswer(person);
        });
    }

    @POST
    @Path("{uuid}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPost(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return update(uuid, headers, rawBody);
    }

    @PUT
    @Path("{uuid}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPut(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return update(uuid, headers, rawBody);
    }

    @DELETE
    @Path("{uuid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("uuid") String uuid) {
        return run("deletePerson", null, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER);
            Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
            UserModel person = person(uuid);
            // Before the removal: the audit record names the person by username, which goes with the user.
            new TenantAdminEvents(session, realm, caller).person(OperationType.DELETE, person, Map.of("uuid", uuid));
            session.users().removeUser(realm, person);
            return done();
        });
    }

    private Response update(String uuid, HttpHeaders headers, String rawBody) {
        return run("updatePerson", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER);
            JsonBody body = JsonBody.parse(headers, rawBody, PersonForm.FIELDS);
            PersonForm form = PersonForm.read(body, false);
            Tenants.requireTenantHeader(headers);
            UserModel person = person(uuid);
            new PersonWrites(session, realm, caller.user()).update(person, uuid, form);
            List<String> fields = new ArrayList<>();
            body.tree().fieldNames().forEachRemaining(fields::add);
            new TenantAdminEvents(session, realm, caller).person(OperationType.UPDATE, person, Map.of("uuid", uuid, "fields", fields));
            return personAnswer(person);
        });
    }

    /** The seed's answer to a creation or update: the Person object with the person's uuid as {@code id}. */
    private Response personAnswer(UserModel person) {
        Map<String, Object> view = new LinkedHashMap<>(new PersonView(session, realm).of(person));
        view.put("id", new PersonRecords(session).uuidOf(person));
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), view));
    }

    @POST
    @Path("{uuid}/lock")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lockByPost(@PathParam("uuid") String uuid) {
        return lock(uuid);
    }

    @PUT
    @Path("{uuid}/lock")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lockByPut(@PathParam("uuid") String uuid) {
        return lock(uuid);
    }

    @POST
    @Path("{uuid}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unlockByPost(@PathParam("uuid") String uuid) {
        return unlock(uuid);
    }

    @PUT
    @Path("{uuid}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unlockByPut(@PathParam("uuid") String uuid) {
        return unlock(uuid);
    }

    @POST
    @Path("{uuid}/status")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response statusByPost(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return status(uuid, headers, rawBody);
    }

    @PUT
    @Path("{uuid}/status")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response statusByPut(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return status(uuid, headers, rawBody);
    }

    @POST
    @Path("{uuid}/resetPassword")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPasswordByPost(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return reset("adminResetPassword", uuid, headers, rawBody, Entitlements.ADMIN_RESET_USER_PASSWORD, ResetsByAnswer.Secret.PASSWORD);
    }

    @PUT
    @Path("{uuid}/resetPassword")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPasswordByPut(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return reset("adminResetPassword", uuid, headers, rawBody, Entitlements.ADMIN_RESET_USER_PASSWORD, ResetsByAnswer.Secret.PASSWORD);
    }

    @POST
    @Path("{uuid}/resetPin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPinByPost(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return reset("adminResetPin", uuid, headers, rawBody, Entitlements.ADMIN_RESET_USER_PIN, ResetsByAnswer.Secret.PIN);
    }

    @PUT
    @Path("{uuid}/resetPin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPinByPut(@PathParam("uuid") String uuid, @Context HttpHeaders headers, String rawBody) {
        return reset("adminResetPin", uuid, headers, rawBody, Entitlements.ADMIN_RESET_USER_PIN, ResetsByAnswer.Secret.PIN);
    }

    private Response lock(String uuid) {
        return run("lockPerson", null, () -> {
            Caller caller = statusCaller();
            UserModel person = person(uuid);
            PersonStatuses statuses = new PersonStatuses(session, realm);
            if (statuses.isClosed(person)) {
                throw new ApiError(409, PersonStatuses.ACCOUNT_CLOSED, "This account is closed; set the status ACTIVE to reopen it.");
            }
            statuses.lock(person);
            new TenantAdminEvents(session, realm, caller).person(OperationType.ACTION, person, Map.of("uuid", uuid, "status", "LOCKED"));
            return done();
        });
    }

    private Response unlock(String uuid) {
        return run("unlockPerson", null, () -> {
            Caller caller = statusCaller();
            UserModel person = person(uuid);
            new PersonStatuses(session, realm).unlock(person);
            new TenantAdminEvents(session, realm, caller).person(OperationType.ACTION, person, Map.of("uuid", uuid, "status", "UNLOCKED"));
            return done();
        });
    }

    private Response status(String uuid, HttpHeaders headers, String rawBody) {
        return run("setPersonStatus", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER_STATUS);
            JsonNode body = JsonBody.parseValue(headers, rawBody);
            // The seed posts the bare status ("DISABLED"); {"status": "..."} is taken too.
            String value = body.isTextual() ? body.textValue()
                    : JsonBody.of(body, Set.of("status"), "The body").requiredString("status", 16);
            PersonStatuses.Status status = PersonStatuses.parse(value);
            Tenants.requireTenantHeader(headers);
            UserModel person = person(uuid);
            new PersonStatuses(session, realm).set(person, status);
            new TenantAdminEvents(session, realm, caller).person(OperationType.ACTION, person, Map.of("uuid", uuid, "status", status.name()));
            return done();
        });
    }

    private Response reset(String operation, String uuid, HttpHeaders headers, String rawBody, String entitlement, ResetsByAnswer.Secret secret) {
        return run(operation, rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, entitlement);
            ResetsByAnswer resets = new ResetsByAnswer(session, realm);
            resets.requireSwitchedOn();
            JsonBody body = JsonBody.parse(headers, rawBody, RESET_FIELDS);
            String answer = body.requiredString("answer", 256);
            long questionId = body.requiredLong("securityQuestionId");
            Tenants.requireTenantHeader(headers);
            UserModel person = person(uuid);
            resets.reset(person, questionId, answer, secret);
            new TenantAdminEvents(session, realm, caller).person(OperationType.ACTION, person, Map.of("uuid", uuid, "reset", secret.name()));
            return done();
        });
    }

    /** The entitlement and the tenant header of a status change. */
    private Caller statusCaller() {
        Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER_STATUS);
        Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
        return caller;
    }

    private UserModel person(String uuid) {
        return new PersonRecords(session).require(realm, uuid);
    }

    private Response done() {
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
    }

    private static int number(String value, int fallback, int most, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0 && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter '" + name + "' is a whole number from 0 to " + most + ".");
    }

    @Override
    @GET
    @Unmatched
    @Path(DEEPER)
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
