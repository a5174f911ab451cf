package dev.lanyard.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

/**
 * Base of a resource whose one operation is a POST at its own path (most of seed 000's {@code /user/...} verbs:
 * {@code registration}, {@code send-passcode}, ...): its POST catch-all leaves the own path to the operation.
 */
public abstract class PostResource extends SeedResource {

    protected PostResource(KeycloakSession session, SeedEnvelope envelope) {
        super(session, envelope);
    }

    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }
}
