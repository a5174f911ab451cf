package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.Tenants;
import org.keycloak.common.util.Time;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Seed 000 "User Revalidation" ({@code POST /user/re-validate}) and the admin side of screening
 * ({@code GET /user/internal/screening/{userId}}, {@code POST /user/internal/screening/{userId}/resolve}).
 * Callers are users or service accounts of the realm holding realm-management's
 * {@value AdminRoles#MANAGE_USERS} role.
 */
public final class ScreeningResource {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    public static final String NOTHING_TO_RESOLVE = "NOTHING_TO_RESOLVE";
    public static final String SCREENING_UNAVAILABLE = "SCREENING_UNAVAILABLE";
    public static final String MOE_UNAVAILABLE = "MOE_UNAVAILABLE";
    static final String PROGRAM_CODES = "programCodes";
    private static final Set<String> CALL_TYPES = Set.of("OFAC", "MOE", "ENROLL_PROGRAM_AND_MOE");
    private static final Pattern PROGRAM_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final KeycloakSession session;
    private final RealmModel realm;

    public ScreeningResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    public Response revalidate(HttpHeaders headers, String rawBody) {
        authorize(headers);
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("userId", "username", "callType", "programCode"));
        String callType = body.requiredString("callType", 32);
        if (!CALL_TYPES.contains(callType)) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "'callType' must be OFAC, MOE or ENROLL_PROGRAM_AND_MOE.");
        }
        String programCode = body.optionalString("programCode", 64);
        if ("ENROLL_PROGRAM_AND_MOE".equals(callType) && (programCode == null || !PROGRAM_CODE.matcher(programCode).matches())) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "ENROLL_PROGRAM_AND_MOE needs a 'programCode' of letters, digits, '_' or '-'.");
        }
        UserModel user = person(body.optionalString("userId", 36), body.optionalString("username", 255));

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "REVALIDATED");
        answer.put("callType", callType);
        answer.put("userId", user.getId());
        if ("OFAC".equals(callType)) {
            ScreeningEntity screening = ScreeningEventListenerFactory.service(session).screen(realm, user, "REVALIDATION")
                    .orElseThrow(() -> new ApiError(503, SCREENING_UNAVAILABLE,
                            "No sanctions list is loaded, or the person has no name to screen; nothing was recorded."));
            answer.put("screening", view(screening));
        } else {
            List<String> programs = new ArrayList<>(user.getAttributeStream(PROGRAM_CODES).toList());
            if (programCode != null && !programs.contains(programCode)) {
                programs.add(programCode);
            }
            if (!new MoeClient(session, ScreeningEventListenerFactory.settings(session)).sync(user, programs)) {
                throw new ApiError(502, MOE_UNAVAILABLE, "The MOE system did not take the person (not configured, refused or"
                        + " no answer); nothing was changed.");
            }
            if ("ENROLL_PROGRAM_AND_MOE".equals(callType)) {
                user.setAttribute(PROGRAM_CODES, programs);
            }
            user.setSingleAttribute("moeSyncedAt", Long.toString(Time.currentTimeMillis()));
            answer.put("programCodes", programs);
            answer.put("moe", "SYNCED");
        }
        return Endpoints.json(200, answer);
    }

    public Response history(HttpHeaders headers, String userId) {
        authorize(headers);
        UserModel user = person(userId, null);
        List<Map<String, Object>> screenings = new ArrayList<>();
        ScreeningEventListenerFactory.service(session).history(realm, user, 100).forEach(s -> screenings.add(view(s)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userId", user.getId());
        answer.put("onHold", user.getRequiredActionsStream().anyMatch(SanctionsReviewRequiredAction.ID::equals));
        answer.put("screenings", screenings);
        return Endpoints.json(200, answer);
    }

    public Response resolve(HttpHeaders headers, String userId, String rawBody) {
        Caller caller = authorize(headers);
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
        UserModel user = person(userId, null);
        String resolvedBy = caller.user().getUsername();
        int resolved = ScreeningEventListenerFactory.service(session).resolve(realm, user, decision, resolvedBy, note);
        if (resolved == 0) {
            throw new ApiError(409, NOTHING_TO_RESOLVE, "The person has no open potential match.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "RESOLVED");
        answer.put("status", decision.name());
        answer.put("resolved", resolved);
        answer.put("enabled", user.isEnabled());
        return Endpoints.json(200, answer);
    }

    private Caller authorize(HttpHeaders headers) {
        Caller caller = BearerAuth.authenticate(session);
        Tenants.requireThisRealm(realm, headers);
        return caller.requireRealmManagementRole(realm, AdminRoles.MANAGE_USERS, NOT_ALLOWED,
                "This takes the realm-management role manage-users.");
    }

    /** By Keycloak user id or username, in this realm's own store only. */
    private UserModel person(String userId, String username) {
        if (userId == null && username == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the person with 'userId' or 'username'.");
        }
        // Found in Keycloak's own store (a username unknown there never reaches a federation), then taken through
        // session.users(), so changes (the hold, the account's state) also reach the user cache every node reads.
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel found = null;
        if (userId != null && userId.length() <= 36 && userId.chars().noneMatch(Character::isISOControl)) {
            found = local.getUserById(realm, userId);
        }
        if (found == null && username != null && username.chars().noneMatch(Character::isISOControl)) {
            found = local.getUserByUsername(realm, username);
        }
        UserModel user = found == null ? null : session.users().getUserById(realm, found.getId());
        if (user == null) {
            throw ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant.");
        }
        return user;
    }

    private static Map<String, Object> view(ScreeningEntity screening) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", screening.getId());
        view.put("status", screening.getStatus());
        view.put("trigger", screening.getTrigger());
        view.put("listVersion", screening.getListVersion());
        view.put("score", screening.getScore());
        view.put("entryNumber", screening.getEntryNumber());
        view.put("matchedName", screening.getMatchedName());
        view.put("entryName", screening.getEntryName());
        view.put("programs", screening.getPrograms());
        view.put("screenedAt", screening.getCreatedAt());
        view.put("resolvedBy", screening.getResolvedBy());
        view.put("resolvedAt", screening.getResolvedAt());
        view.put("note", screening.getNote());
        return view;
    }
}
