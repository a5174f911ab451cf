package dev.lanyard.migration.batch;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.RouteTable;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/migrate/...}: maps the seed 000 migration paths onto {@link MigrationResource}. */
public final class MigrateApiResource {

    private static final RouteTable ROUTES = RouteTable.of(MigrateApiResource.class);

    private final KeycloakSession session;

    MigrateApiResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response submitBatch(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "submitMigrationBatch", body,
                () -> new MigrationResource(session).submit(headers, body));
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response batchStatus(@QueryParam("migrationBatchId") String migrationBatchId,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "getMigrationBatchStatus", null,
                () -> new MigrationResource(session).status(migrationBatchId, page, size));
    }

    @POST
    @Path("{migrationBatchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retryBatch(@PathParam("migrationBatchId") String migrationBatchId) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "retryMigrationBatch", null,
                () -> new MigrationResource(session).retry(migrationBatchId));
    }

    // Requests no operation above matches: 404 or 405 in the seed's envelope, not Keycloak's generic error.
    // The resource's own path needs handlers of its own: a {unmatched: .*} template does not match it.

    @GET
    @Unmatched
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedRootGet() {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, "", HttpMethod.GET);
    }

    @PUT
    @Unmatched
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedRootPut() {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, "", HttpMethod.PUT);
    }

    @DELETE
    @Unmatched
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedRootDelete() {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, "", HttpMethod.DELETE);
    }

    @PATCH
    @Unmatched
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedRootPatch() {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, "", HttpMethod.PATCH);
    }

    @GET
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.GET);
    }

    @POST
    @Unmatched
    @Path("{unmatched: .*/.*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.POST);
    }

    @PUT
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.PUT);
    }

    @DELETE
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.DELETE);
    }

    @PATCH
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPatch(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.PATCH);
    }
}
