package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.QueryParams;
import dev.lanyard.screening.ScreeningResource;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "User Revalidation": {@code POST /user/re-validate} revalidates one person now;
 * {@code POST /user/internal/batch/re-validate} queues many (named, or all the realm's users) for
 * the background worker, and {@code GET /user/internal/batch/re-validate/{revalidationBatchId}}
 * reports it. Callers are users or service accounts of the realm holding realm-management's
 * {@value AdminRoles#MANAGE_USERS} role.
 */
public final class RevalidationResource {

    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String BATCH_NOT_FOUND = "BATCH_NOT_FOUND";
    /** People per batch when they are named; a batch of all users has no limit. */
    static final int MAX_PEOPLE = 5_000;
    static final int MAX_BODY_CHARS = 512 * 1024;
    static final int MAX_PAGE_SIZE = 500;
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern PROGRAM_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-f-]{36}");

    private final KeycloakSession session;
    private final RealmModel realm;

    public RevalidationResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    public Response revalidate(HttpHeaders headers, String rawBody) {
        authorize();
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("userId", "username", "callType", "programCode"));
        CallType type = callType(body);
        String programCode = programCode(body, type);
        String userId = body.optionalString("userId", 36);
        String username = body.optionalString("username", 255);
        if (userId == null && username == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the person with 'userId' or 'username'.");
        }
        UserModel user = LocalPeople.find(session, realm, userId, username)
                .orElseThrow(() -> ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant."));
        Revalidator.Result result;
        try {
            result = new Revalidator(session).revalidate(realm, user, type, programCode);
        } catch (Revalidator.Failed failed) {
            throw unavailable(failed);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "REVALIDATED");
        answer.put("callType", type.name());
        answer.put("userId", user.getId());
        if (result.screening() != null) {
            answer.put("screening", ScreeningResource.view(result.screening()));
        } else {
            answer.put("programCodes", result.programCodes());
            answer.put("moe", result.result());
        }
        return Endpoints.json(200, answer);
    }

    public Response submitBatch(HttpHeaders headers, String rawBody) {
        Caller caller = authorize();
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("callType", "programCode", "userIds", "usernames", "allUsers"),
                MAX_BODY_CHARS);
        CallType type = callType(body);
        String programCode = programCode(body, type);
        List<String> userIds = body.optionalStringArray("userIds", MAX_PEOPLE, 36);
        List<String> usernames = body.optionalStringArray("usernames", MAX_PEOPLE, 255);
        boolean allUsers = Boolean.TRUE.equals(body.optionalBoolean("allUsers"));
        if ((userIds != null ? 1 : 0) + (usernames != null ? 1 : 0) + (allUsers ? 1 : 0) != 1) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                    "Name the people with exactly one of 'userIds', 'usernames' or \"allUsers\": true.");
        }
        try {
            // Refused now rather than failing every person later.
            new Revalidator(session).requireAvailable(type);
        } catch (Revalidator.Failed failed) {
            throw unavailable(failed);
        }
        List<String[]> people = null;
        if (!allUsers) {
            people = new ArrayList<>();
            for (String person : new LinkedHashSet<>(userIds != null ? userIds : usernames)) { // each person once
                people.add(userIds != null ? new String[]{person, null} : new String[]{null, person});
            }
        }
        RevalidationBatchEntity batch = new RevalidationStore(session).create(realm.getId(), type, programCode,
                caller.user().getUsername(), people);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "REVALIDATION_ACCEPTED");
        answer.put("message", "The batch is queued; GET /user/internal/batch/re-validate/" + batch.getId() + " reports its progress.");
        answer.put("revalidationBatchId", batch.getId());
        answer.put("callType", type.name());
        answer.put("status", batch.getState());
        answer.put("total", allUsers ? null : batch.getTotal());
        return Endpoints.json(202, answer);
    }

    public Response batchStatus(String batchId, String pageParam, String sizeParam) {
        authorize();
        int page = QueryParams.integer(pageParam, "page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = QueryParams.integer(sizeParam, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        RevalidationStore store = new RevalidationStore(session);
        RevalidationBatchEntity batch = (batchId != null && BATCH_ID.matcher(batchId).matches()
                ? store.find(realm.getId(), batchId) : java.util.Optional.<RevalidationBatchEntity>empty())
                .orElseThrow(() -> ApiError.notFound(BATCH_NOT_FOUND, "No revalidation batch with this id exists in this tenant."));
        RevalidationStore.Counts counts = store.counts(batch);
        Map<String, Long> states = counts.states();
        boolean completed = RevalidationBatchEntity.RUNNING.equals(batch.getState()) && states.get(RevalidationStore.PENDING) == 0;

        List<Map<String, Object>> items = new ArrayList<>();
        for (RevalidationItemEntity item : store.needingAttention(batch, page * size, size)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("index", item.getSeq());
            view.put("userId", item.getUserId());
            view.put("username", item.getUsername());
            view.put("state", item.getState());
            view.put("result", item.getResult());
            view.put("reason", item.getReason());
            view.put("message", item.getMessage());
            items.add(view);
        }
        Map<String, Object> attention = new LinkedHashMap<>();
        attention.put("page", page);
        attention.put("size", size);
        attention.put("total", states.get(RevalidationStore.FAILED) + counts.results().getOrDefault("POTENTIAL_MATCH", 0L));
        attention.put("items", items);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("revalidationBatchId", batch.getId());
        answer.put("callType", batch.getCallType());
        answer.put("programCode", batch.getProgramCode());
        answer.put("allUsers", batch.isAllUsers());
        answer.put("status", completed ? "COMPLETED" : batch.getState());
        answer.put("total", batch.getTotal());
        answer.put("submittedAt", batch.getSubmittedAt());
        answer.put("submittedBy", batch.getSubmittedBy());
        answer.put("completedAt", completed ? store.lastProcessedAt(batch).orElse(batch.getSubmittedAt()) : null);
        answer.put("counts", states);
        answer.put("results", counts.results());
        answer.put("needingAttention", attention);
        return Endpoints.json(200, answer);
    }

    private Caller authorize() {
        Caller caller = BearerAuth.authenticate(session);
        return caller.requireRealmManagementRole(realm, AdminRoles.MANAGE_USERS, NOT_ALLOWED,
                "This takes the realm-management role manage-users.");
    }

    private static CallType callType(JsonBody body) {
        return CallType.of(body.requiredString("callType", 32)).orElseThrow(() -> ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                "'callType' must be OFAC, MOE or ENROLL_PROGRAM_AND_MOE."));
    }

    private static String programCode(JsonBody body, CallType type) {
        String programCode = body.optionalString("programCode", 64);
        if (type == CallType.ENROLL_PROGRAM_AND_MOE && (programCode == null || !PROGRAM_CODE.matcher(programCode).matches())) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "ENROLL_PROGRAM_AND_MOE needs a 'programCode' of letters, digits, '_' or '-'.");
        }
        return type == CallType.ENROLL_PROGRAM_AND_MOE ? programCode : null;
    }

    /** The server cannot do this kind of revalidation (no list, no MOE), or MOE did not take the person. */
    private static ApiError unavailable(Revalidator.Failed failed) {
        return switch (failed.code()) {
            case Revalidator.MOE_UNAVAILABLE -> new ApiError(502, failed.code(), failed.getMessage());
            case Revalidator.NO_NAME_TO_SCREEN -> new ApiError(409, failed.code(), failed.getMessage());
            default -> new ApiError(503, failed.code(), failed.getMessage());
        };
    }
}
