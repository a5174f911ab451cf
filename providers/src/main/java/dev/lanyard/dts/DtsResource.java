package dev.lanyard.dts;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 000 "DTS Integration Workflow" at {@code /realms/{realm}/dts}: save, find, find-for-update, delete of DTS user
 * details ({@link DtsRecords}), for a client-credentials token with the scope {@value #SCOPE}. Success bodies are plain
 * JSON, errors seed 000's {@code {code, message}}.
 */
public final class DtsResource extends SeedResource {

    public static final String SCOPE = "USER-ATTRIBUTES_RW";
    private static final Set<String> SAVE_FIELDS = Set.of("userId", "details", "dtsToken", "userDetailsId", "version");

    public DtsResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Path("save")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@Context HttpHeaders headers, String rawBody) {
        return run("saveDtsDetails", rawBody, () -> {
            authorize();
            JsonBody body = JsonBody.parse(headers, rawBody, SAVE_FIELDS);
            String userId = body.requiredString("userId", 36);
            JsonNode details = body.optionalObject("details");
            if (details == null) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'details' (a JSON object) is required.");
            }
            Integer version = body.has("version") ? version(body.requiredLong("version")) : null;
            Map<String, Object> saved = new DtsRecords(session, realm).save(userId, details, body.optionalString("dtsToken", 8192),
                    body.optionalString("userDetailsId", 36), version);
            return Endpoints.json(200, saved);
        });
    }

    @GET
    @Path("find")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@QueryParam("userDetailsId") String id) {
        return run("findDtsDetails", null, () -> {
            authorize();
            return Endpoints.json(200, new DtsRecords(session, realm).view(required(id), false));
        });
    }

    @GET
    @Path("find-for-update")
    @Produces(MediaType.APPLICATION_JSON)
    public Response findForUpdate(@QueryParam("userDetailsId") String id) {
        return run("findDtsDetailsForUpdate", null, () -> {
            authorize();
            return Endpoints.json(200, new DtsRecords(session, realm).view(required(id), true));
        });
    }

    @DELETE
    @Path("delete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@QueryParam("userDetailsId") String id) {
        return run("deleteDtsDetails", null, () -> {
            authorize();
            String recordId = required(id);
            new DtsRecords(session, realm).delete(recordId);
            return Endpoints.json(200, Map.of("userDetailsId", recordId, "deleted", true));
        });
    }

    private void authorize() {
        BearerAuth.authenticate(session).requireServiceAccount().requireScope(SCOPE);
    }

    /** Versions start at 1 and are ints; anything else cannot be a version this store gave out. */
    private static int version(long read) {
        if (read < 1 || read > Integer.MAX_VALUE) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'version' must be a version read from find-for-update.");
        }
        return (int) read;
    }

    private static String required(String id) {
        if (id == null || id.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter 'userDetailsId' is required.");
        }
        return id.trim();
    }
}
