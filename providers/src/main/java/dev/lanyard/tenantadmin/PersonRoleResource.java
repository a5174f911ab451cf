package dev.lanyard.tenantadmin;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.person.PersonView;
import dev.lanyard.person.SeedPersons;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "ClientPersonRole" at {@code /auth/admin/client/person/role}: ADMIN_MANAGE_CLIENT_USER_ROLE reads, grants
 * and removes a person's seed roles, {@code {"uuid", "roleName"}} in the body (the seed sends a body with its GET and
 * DELETE too; GET also takes {@code ?uuid=}). Granting follows {@link RoleGrants}: no role carrying an ADMIN_
 * entitlement the admin lacks. Removing the last role is allowed.
 */
public final class PersonRoleResource extends SeedResource {

    private static final Set<String> FIELDS = Set.of("uuid", "roleName");

    public PersonRoleResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("uuid") String uuidParam, @Context HttpHeaders headers, String rawBody) {
        return run("listPersonRoles", rawBody, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER_ROLE);
            String uuid = uuidParam;
            if (rawBody != null && !rawBody.isBlank()) {
                uuid = JsonBody.parse(headers, rawBody, FIELDS).requiredString("uuid", SeedPersons.MAX_UUID);
            }
            if (uuid == null) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The uuid (body or query parameter) is required.");
            }
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new PersonView(session, realm).roles(person(uuid))));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(@Context HttpHeaders headers, String rawBody) {
        return run("addPersonRole", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER_ROLE);
            UserModel admin = caller.user();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String uuid = body.requiredString("uuid", SeedPersons.MAX_UUID);
            RoleModel role = RoleGrants.seedRole(realm, new SeedRoles(session, realm), body.requiredString("roleName", 255));
            Tenants.requireTenantHeader(headers);
            RoleGrants.requireGrantable(realm, admin, role);
            UserModel person = person(uuid);
            person.grantRole(role);
            new TenantAdminEvents(session, realm, caller).personRoles(OperationType.CREATE, person, role);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new PersonView(session, realm).personRole(role)));
        });
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@Context HttpHeaders headers, String rawBody) {
        return run("removePersonRole", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_USER_ROLE);
            UserModel admin = caller.user();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String uuid = body.requiredString("uuid", SeedPersons.MAX_UUID);
            RoleModel role = RoleGrants.seedRole(realm, new SeedRoles(session, realm), body.requiredString("roleName", 255));
            Tenants.requireTenantHeader(headers);
            // Taking a role away is escalation-checked too: an admin cannot strip powers it does not hold itself.
            RoleGrants.requireGrantable(realm, admin, role);
            UserModel person = person(uuid);
            person.deleteRoleMapping(role);
            new TenantAdminEvents(session, realm, caller).personRoles(OperationType.DELETE, person, role);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
        });
    }

    private UserModel person(String uuid) {
        return new PersonRecords(session).require(realm, uuid);
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
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    @Override
    @DELETE
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }
}
