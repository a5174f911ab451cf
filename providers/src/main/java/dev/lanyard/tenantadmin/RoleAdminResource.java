package dev.lanyard.tenantadmin;

import java.util.List;
import java.util.Map;

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
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;

/**
 * Seed 003 "ClientRole" at {@code /auth/admin/client/role}: ADMIN_MANAGE_CLIENT_ROLE lists the tenant's roles (the
 * seed's short form, {@code clientRoleEntitlements} null), creates one (POST to the list, as the seed's example does),
 * reads one ({@code GET {roleId}}), updates it ({@code POST|PUT {roleId}}, the seed's "Search role by role ID" and
 * "Update role" share that path: a body updates) and deletes it. {@code roleId} is the seed's number or the role's
 * name. The writes are in {@link RoleWrites}.
 */
public final class RoleAdminResource extends SeedResource {

    public RoleAdminResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listRoles", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_ROLE);
            SeedRoles roles = new SeedRoles(session, realm);
            List<Map<String, Object>> views = roles.roles().map(r -> roles.role(r, false)).toList();
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), views));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, String rawBody) {
        return run("createRole", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_ROLE);
            RoleForm form = RoleForm.read(JsonBody.parse(headers, rawBody, RoleForm.FIELDS), true);
            Tenants.requireTenantHeader(headers);
            SeedRoles roles = new SeedRoles(session, realm);
            RoleModel role = new RoleWrites(session, realm, caller.user(), roles).create(form);
            Map<String, Object> view = roles.role(role, true);
            new TenantAdminEvents(session, realm, caller).role(OperationType.CREATE, role, summary(role));
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), view));
        });
    }

    @GET
    @Path("{roleId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("roleId") String roleId) {
        return run("getRole", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_ROLE);
            SeedRoles roles = new SeedRoles(session, realm);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), roles.role(RoleGrants.seedRole(realm, roles, roleId), true)));
        });
    }

    @POST
    @Path("{roleId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPost(@PathParam("roleId") String roleId, @Context HttpHeaders headers, String rawBody) {
        return update(roleId, headers, rawBody);
    }

    @PUT
    @Path("{roleId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateByPut(@PathParam("roleId") String roleId, @Context HttpHeaders headers, String rawBody) {
        return update(roleId, headers, rawBody);
    }

    @DELETE
    @Path("{roleId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("roleId") String roleId) {
        return run("deleteRole", null, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_ROLE);
            Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
            SeedRoles roles = new SeedRoles(session, realm);
            RoleModel role = RoleGrants.seedRole(realm, roles, roleId);
            Map<String, ?> summary = summary(role);
            new RoleWrites(session, realm, caller.user(), roles).delete(role);
            new TenantAdminEvents(session, realm, caller).role(OperationType.DELETE, role, summary);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
        });
    }

    /**
     * The seed's example "Search role by role ID" is a POST without a body: that reads the role. A body updates it.
     */
    private Response update(String roleId, HttpHeaders headers, String rawBody) {
        boolean read = rawBody == null || rawBody.isBlank();
        return run(read ? "getRole" : "updateRole", rawBody, () -> {
            Caller caller = Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT_ROLE);
            SeedRoles roles = new SeedRoles(session, realm);
            if (read) {
                return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), roles.role(RoleGrants.seedRole(realm, roles, roleId), true)));
            }
            RoleForm form = RoleForm.read(JsonBody.parse(headers, rawBody, RoleForm.FIELDS), false);
            Tenants.requireTenantHeader(headers);
            RoleModel role = RoleGrants.seedRole(realm, roles, roleId);
            new RoleWrites(session, realm, caller.user(), roles).update(role, form);
            new TenantAdminEvents(session, realm, caller).role(OperationType.UPDATE, role, summary(role));
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), roles.role(role, true)));
        });
    }

    private static Map<String, ?> summary(RoleModel role) {
        return Map.of("name", role.getName(), "entitlements", SeedRoles.entitlementsOf(role).map(RoleModel::getName).sorted().toList());
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
