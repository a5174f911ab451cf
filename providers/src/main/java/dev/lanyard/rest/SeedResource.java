package dev.lanyard.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Base of every Lanyard JAX-RS resource, a seed path segment's root and each capability's sub-resource alike:
 * the seed envelope its answers use, {@link #run} for each operation (envelope, audit, errors: one line per
 * method), and catch-alls that answer an unknown path (404) or a method the path does not take (405 with
 * {@code Allow}) in that envelope instead of Keycloak's generic error.
 * <p>
 * The catch-alls declare no {@code @Produces}: whatever the request's {@code Accept}, the answer is the JSON envelope.
 * <p>
 * How Keycloak's JAX-RS routing (Quarkus REST, per HTTP method) ranks them: a catch-all {@value #ANY} also
 * matches the resource's own path, and outranks a template made of one bare parameter ({@code {id}}) of the
 * same method. A subclass that serves a method at its own path, or at a bare {@code {param}}, therefore
 * overrides that method's catch-all with a narrower template: {@value #NOT_OWN_PATH}, {@value #NOT_ONE_SEGMENT}
 * or {@value #DEEPER}. Templates with a literal ({@code status}, {@code {id}/resolve}) always outrank the catch-all.
 */
public abstract class SeedResource {

    /** Any path below the resource, its own path included. */
    protected static final String ANY = "{unmatched: .*}";
    /** For a method the resource serves at its own path. */
    protected static final String NOT_OWN_PATH = "{unmatched: .+}";
    /** For a method the resource serves at {@code {param}}: its own path, and paths of two segments or more. */
    protected static final String NOT_ONE_SEGMENT = "{unmatched: (.*/.*)?}";
    /** For a method served both at the own path and at {@code {param}}: paths of two segments or more. */
    protected static final String DEEPER = "{unmatched: .+/.*}";

    protected final KeycloakSession session;
    protected final RealmModel realm;
    private final SeedEnvelope envelope;

    protected SeedResource(KeycloakSession session, SeedEnvelope envelope) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.envelope = envelope;
    }

    /**
     * Runs one operation ({@link Endpoints#run}): {@code operation} is its OpenAPI operationId, {@code body} the
     * request body as received (null if none).
     */
    protected final Response run(String operation, String body, Supplier<Response> endpoint) {
        return Endpoints.run(session, envelope, operation, body, endpoint);
    }

    /** The answer to a request no operation of this resource matched. */
    protected final Response unmatched(String path, String method) {
        return RouteTable.of(getClass()).unmatched(session, envelope, path, method);
    }

    @GET
    @Unmatched
    @Path(ANY)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    @POST
    @Unmatched
    @Path(ANY)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    @PUT
    @Unmatched
    @Path(ANY)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.PUT);
    }

    @DELETE
    @Unmatched
    @Path(ANY)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }

    @PATCH
    @Unmatched
    @Path(ANY)
    public Response unmatchedPatch(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.PATCH);
    }
}
