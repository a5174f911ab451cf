package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The admin side of screening at {@code /user/internal/screening}: a person's screenings ({@code GET {userId}}),
 * an admin's decision on a potential match ({@code POST {userId}/resolve}), and the SDN list ({@code GET list},
 * {@code POST list/refresh}); revalidation is {@code dev.lanyard.revalidation}. Callers are users or service
 * accounts of the realm holding realm-management's {@value AdminRoles#MANAGE_USERS} role.
 */
public final class ScreeningResource extends SeedResource {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    public static final String NOTHING_TO_RESOLVE = "NOTHING_TO_RESOLVE";
    public static final String LIST_SOURCE_FAILED = "LIST_SOURCE_FAILED";

    private final ScreeningProvider screening;

    public ScreeningResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
        this.screening = session.getProvider(ScreeningProvider.class);
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@PathParam("userId") String userId) {
        return run("getUserScreenings", null, () -> {
            authorize();
            UserModel user = person(userId);
            List<Map<String, Object>> screenings = new ArrayList<>();
            screening.history(realm, user, 100).forEach(s -> screenings.add(ScreeningView.of(s)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("userId", user.getId());
            answer.put("onHold", user.getRequiredActionsStream().anyMatch(SanctionsReviewRequiredAction.ID::equals));
            answer.put("screenings", screenings);
            return Endpoints.json(200, answer);
        });
    }

    @POST
    @Path("{userId}/resolve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolve(@Context HttpHeaders headers, @PathParam("userId") String userId, String rawBody) {
        return run("resolveScreening", rawBody, () -> {
            Caller caller = authorize();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("status", "note"));
            String status = body.requiredString("status", 32);
            ScreeningStatus decision;
            if (ScreeningStatus.FALSE_POSITIVE.name().equals(status)) {
                decision = ScreeningStatus.FALSE_POSITIVE;
            } else if (ScreeningStatus.CONFIRMED.name().equals(status)) {
                decision = ScreeningStatus.CONFIRMED;
            } else {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "'status' must be FALSE_POSITIVE or CONFIRMED.");
            }
            String note = body.optionalString("note", 1000);
            UserModel user = person(userId);
            String resolvedBy = caller.user().getUsername();
            int resolved = screening.resolve(realm, user, decision, resolvedBy, note);
            if (resolved == 0) {
                throw new ApiError(409, NOTHING_TO_RESOLVE, "The person has no open potential match.");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("code", "RESOLVED");
            answer.put("status", decision.name());
            answer.put("resolved", resolved);
            answer.put("enabled", user.isEnabled());
            return Endpoints.json(200, answer);
        });
    }

    /** The stored list versions, newest first, and the one this node screens against. */
    @GET
    @Path("list")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listStatus() {
        return run("getSanctionsList", null, () -> {
            authorize();
            return Endpoints.json(200, lists(null));
        });
    }

    /**
     * Fetches the list from its source now (as the scheduled refresh does). A failed fetch is 502
     * {@value #LIST_SOURCE_FAILED} and changes nothing: the last good list stays in use.
     */
    @POST
    @Path("list/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refreshList(@Context HttpHeaders headers, String rawBody) {
        return run("refreshSanctionsList", rawBody, () -> {
            authorize();
            if (rawBody != null && !rawBody.isBlank()) {
                JsonBody.parse(headers, rawBody, Set.of());
            }
            SanctionsLists.Refresh refresh = screening.refreshList();
            if (refresh.outcome() == SanctionsLists.Refresh.Outcome.FAILED) {
                throw new ApiError(502, LIST_SOURCE_FAILED, refresh.message() + " Screening keeps the last good list.");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("code", refresh.outcome() == SanctionsLists.Refresh.Outcome.STORED ? "LIST_STORED" : "LIST_UNCHANGED");
            answer.putAll(lists(refresh.version()));
            return Endpoints.json(200, answer);
        });
    }

    /** GET is served at {@code {userId}}: the catch-all leaves single segments to it. */
    @Override
    @GET
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    private Map<String, Object> lists(String fetched) {
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Object[] row : new ScreeningStore(session).listSummaries()) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", row[0]);
            version.put("loadedAt", row[1]);
            version.put("entries", row[2]);
            version.put("source", row[3]);
            versions.add(version);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (fetched != null) {
            answer.put("fetchedVersion", fetched);
        }
        answer.put("inUse", screening.listInUse().orElse(null));
        answer.put("versions", versions);
        return answer;
    }

    private Caller authorize() {
        return BearerAuth.authenticate(session).requireRealmManagementRole(realm, AdminRoles.MANAGE_USERS, NOT_ALLOWED,
                "This takes the realm-management role manage-users.");
    }

    private UserModel person(String userId) {
        return LocalPeople.find(session, realm, userId, null)
                .orElseThrow(() -> ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant."));
    }
}
