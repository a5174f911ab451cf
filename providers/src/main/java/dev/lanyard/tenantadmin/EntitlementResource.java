package dev.lanyard.tenantadmin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /auth/admin/client/entitlement} (Lanyard's, not in the seed): the tenant's entitlements as seed Entitlement
 * objects, so a back office learns the numbers its role bodies name ({@code "entitlement": {"id": 7}}). Takes
 * ADMIN_MANAGE_ENTITLEMENT. The entitlements themselves are realm roles, managed in the admin console.
 */
public final class EntitlementResource extends SeedResource {

    public EntitlementResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listEntitlements", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_ENTITLEMENT);
            SeedRoles roles = new SeedRoles(session, realm);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), roles.entitlements().map(roles::entitlement).toList()));
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
