package dev.lanyard.revalidation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.screening.ScreeningView;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "User Revalidation", one person now: {@code POST /user/re-validate}. Callers are users or service
 * accounts of the realm holding realm-management's {@value AdminRoles#MANAGE_USERS} role. Many people:
 * {@link RevalidationBatchResource}.
 */
public final class RevalidationResource extends PostResource {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";

    public RevalidationResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response revalidate(@Context HttpHeaders headers, String rawBody) {
        return run("revalidateUser", rawBody, () -> {
            RevalidationRequests.authorize(session, realm);
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("userId", "username", "callType", "programCode"));
            CallType type = RevalidationRequests.callType(body);
            String programCode = RevalidationRequests.programCode(body, type);
            String userId = body.optionalString("userId", 36);
            String username = body.optionalString("username", 255);
            if (userId == null && username == null) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the person with 'userId' or 'username'.");
            }
            UserModel user = LocalPeople.find(session, realm, userId, username)
                    .orElseThrow(() -> ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant."));
            RevalidationProvider.Result result;
            try {
                result = session.getProvider(RevalidationProvider.class).revalidate(realm, user, type, programCode);
            } catch (RevalidationProvider.Failed failed) {
                throw RevalidationRequests.unavailable(failed);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("code", "REVALIDATED");
            answer.put("callType", type.name());
            answer.put("userId", user.getId());
            if (result.screening() != null) {
                answer.put("screening", ScreeningView.of(result.screening()));
            } else {
                answer.put("programCodes", result.programCodes());
                answer.put("moe", result.result());
            }
            return Endpoints.json(200, answer);
        });
    }

}
