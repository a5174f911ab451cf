package dev.lanyard.authapi;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.audit.PersonAuditResource;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.RouteTable;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/auth/...}: the seed 003 paths, answered in seed 003's envelope. */
public final class AuthApiResource {

    private static final RouteTable ROUTES = RouteTable.of(AuthApiResource.class);

    private final KeycloakSession session;

    AuthApiResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("admin/client/person/audit/{uuid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response personAudit(@PathParam("uuid") String uuid,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return Endpoints.run(session, SeedEnvelope.AUTH_SERVICE, "getPersonAudit", null,
                () -> new PersonAuditResource(session).list(uuid, page, size));
    }

    @GET
    @Path("admin/client/person/audit/{uuid}/{auditId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response personAuditRecord(@PathParam("uuid") String uuid, @PathParam("auditId") String auditId) {
        return Endpoints.run(session, SeedEnvelope.AUTH_SERVICE, "getPersonAuditRecord", null,
                () -> new PersonAuditResource(session).one(uuid, auditId));
    }

    // Requests no operation above matches: 404 or 405 in the seed's envelope, not Keycloak's generic error.

    @GET
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.AUTH_SERVICE, path, HttpMethod.GET);
    }

    @POST
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.AUTH_SERVICE, path, HttpMethod.POST);
    }

    @PUT
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.AUTH_SERVICE, path, HttpMethod.PUT);
    }

    @DELETE
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.AUTH_SERVICE, path, HttpMethod.DELETE);
    }

    @PATCH
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPatch(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.AUTH_SERVICE, path, HttpMethod.PATCH);
    }
}
