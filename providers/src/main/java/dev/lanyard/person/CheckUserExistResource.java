package dev.lanyard.person;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
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

import dev.lanyard.account.People;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.jpa.AttemptCounters;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 003 "Check account existence" at {@code /auth/api/checkUserExist}: {@code GET ?username=} (the seed's example) or
 * {@code POST {"username", "tenantName"}} → {@code {"userExist": bool}}. An existence oracle by nature: it takes a
 * client-credentials token with the SYSTEM_USER_R scope and is limited per client to the client attribute
 * {@value #PER_MINUTE} calls a minute (default {@value #DEFAULT_PER_MINUTE}); over it, 429.
 */
public final class CheckUserExistResource extends SeedResource {

    public static final String SCOPE = "SYSTEM_USER_R";
    public static final String PER_MINUTE = "lanyard.check-user-exist.per-minute";
    public static final int DEFAULT_PER_MINUTE = 60;
    public static final String RATE_LIMITED = "RATE_LIMITED";
    private static final Set<String> FIELDS = Set.of("username", "tenantName");

    public CheckUserExistResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response byQuery(@QueryParam("username") String username) {
        return run("checkUserExist", null, () -> {
            Caller caller = authorize();
            Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
            if (username == null || username.isBlank() || username.length() > 255 || username.chars().anyMatch(Character::isISOControl)) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter 'username' is required (1 to 255 characters).");
            }
            return answer(caller, username.trim());
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response byBody(@Context HttpHeaders headers, String rawBody) {
        return run("checkUserExistByBody", rawBody, () -> {
            Caller caller = authorize();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String username = body.requiredString("username", 255);
            String tenant = body.requiredString("tenantName", 255);
            if (!tenant.equalsIgnoreCase(realm.getName())) {
                throw ApiError.forbidden(Tenants.TENANT_MISMATCH, "The tenantName field names another tenant than this realm.");
            }
            return answer(caller, username);
        });
    }

    private Caller authorize() {
        return Entitlements.application(session, realm, null).requireScope(SCOPE);
    }

    private Response answer(Caller caller, String username) {
        int limit = perMinute(caller.client().getAttribute(PER_MINUTE));
        if (!new AttemptCounters(session).claim(realm.getId(), "check-user-exist", caller.client().getId(), limit, 60_000)) {
            throw new ApiError(429, RATE_LIMITED, "At most " + limit + " existence checks a minute per client; try again shortly.");
        }
        boolean exists = People.byUsername(session, realm, username) != null;
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), Map.of("userExist", exists)));
    }

    static int perMinute(String configured) {
        try {
            return configured == null || configured.isBlank() ? DEFAULT_PER_MINUTE : Math.max(0, Integer.parseInt(configured.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_PER_MINUTE;
        }
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
}
