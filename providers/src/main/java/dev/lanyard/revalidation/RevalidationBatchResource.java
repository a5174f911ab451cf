package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.Paging;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 000 "User Revalidation" for many people at {@code /user/internal/batch/re-validate}: {@code POST} queues
 * named people, or all the realm's users, for the background worker; {@code GET {revalidationBatchId}} reports
 * the batch. Callers are users or service accounts of the realm holding realm-management's
 * {@value AdminRoles#MANAGE_USERS} role.
 */
public final class RevalidationBatchResource extends SeedResource {

    public static final String BATCH_NOT_FOUND = "BATCH_NOT_FOUND";
    /** People per batch when they are named; a batch of all users has no limit. */
    static final int MAX_PEOPLE = 5_000;
    static final int MAX_BODY_CHARS = 512 * 1024;
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-f-]{36}");

    public RevalidationBatchResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@Context HttpHeaders headers, String rawBody) {
        return run("revalidateUsers", rawBody, () -> {
            Caller caller = RevalidationRequests.authorize(session, realm);
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("callType", "programCode", "userIds", "usernames", "allUsers"),
                    MAX_BODY_CHARS);
            CallType type = RevalidationRequests.callType(body);
            String programCode = RevalidationRequests.programCode(body, type);
            List<String> userIds = body.optionalStringArray("userIds", MAX_PEOPLE, 36);
            List<String> usernames = body.optionalStringArray("usernames", MAX_PEOPLE, 255);
            boolean allUsers = Boolean.TRUE.equals(body.optionalBoolean("allUsers"));
            if ((userIds != null ? 1 : 0) + (usernames != null ? 1 : 0) + (allUsers ? 1 : 0) != 1) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                        "Name the people with exactly one of 'userIds', 'usernames' or \"allUsers\": true.");
            }
            try {
                // Refused now rather than failing every person later.
                session.getProvider(RevalidationProvider.class).requireAvailable(type);
            } catch (RevalidationProvider.Failed failed) {
                throw RevalidationRequests.unavailable(failed);
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
        });
    }

    @GET
    @Path("{revalidationBatchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("revalidationBatchId") String batchId, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        return run("getRevalidationStatus", null, () -> {
            RevalidationRequests.authorize(session, realm);
            Paging paging = Paging.of(page, size);
            RevalidationStore store = new RevalidationStore(session);
            RevalidationBatchEntity batch = (batchId != null && BATCH_ID.matcher(batchId).matches()
                    ? store.find(realm.getId(), batchId) : Optional.<RevalidationBatchEntity>empty())
                    .orElseThrow(() -> ApiError.notFound(BATCH_NOT_FOUND, "No revalidation batch with this id exists in this tenant."));
            RevalidationStore.Counts counts = store.counts(batch);
            Map<String, Long> states = counts.states();
            boolean completed = RevalidationBatchEntity.RUNNING.equals(batch.getState()) && states.get(RevalidationStore.PENDING) == 0;

            List<Map<String, Object>> items = new ArrayList<>();
            for (RevalidationItemEntity item : store.needingAttention(batch, paging.first(), paging.size())) {
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
            attention.put("page", paging.page());
            attention.put("size", paging.size());
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
        });
    }

    /** POST is served at this resource's own path. */
    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    /** GET is served at {@code {revalidationBatchId}}: the catch-all leaves single segments to it. */
    @Override
    @GET
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }
}
