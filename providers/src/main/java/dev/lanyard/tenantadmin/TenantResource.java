package dev.lanyard.tenantadmin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.PersonView;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 003 "Retrieve tenant info by admin" at {@code GET /auth/admin/client/{tenantName}}: ADMIN_MANAGE_CLIENT; the
 * tenant is the realm, with its default (seed) role and that role's entitlements. Another tenant's name is 404, as
 * for a tenant that does not exist. The literal segments under {@code admin/client} ({@code person}) win, so no tenant
 * can be read under such a name.
 */
public final class TenantResource extends SeedResource {

    public static final String TENANT_NOT_FOUND = "TENANT_NOT_FOUND";

    private final String tenantName;

    public TenantResource(KeycloakSession session, String tenantName) {
        super(session, SeedEnvelope.AUTH_SERVICE);
        this.tenantName = tenantName;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response read() {
        return run("getTenant", null, () -> {
            Entitlements.admin(session, realm, Entitlements.ADMIN_MANAGE_CLIENT);
            if (!realm.getName().equalsIgnoreCase(tenantName)) {
                throw ApiError.notFound(TENANT_NOT_FOUND, "No tenant of this name here.");
            }
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new PersonView(session, realm).tenant()));
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
