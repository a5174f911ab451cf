package dev.lanyard.migration.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.PersistenceException;
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

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.Paging;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 000 "Migration Workflow", the whole of {@code /realms/{realm}/migrate}: {@code POST /migrate} queues a
 * batch, {@code GET /migrate/status} reports it, {@code POST /migrate/{migrationBatchId}} retries its failed
 * records. Callers are partner clients whose client-credentials token carries the {@value #SCOPE} scope.
 */
public final class MigrationResource extends SeedResource {

    public static final String SCOPE = "MIGRATE_USERS";
    public static final String BATCH_EXISTS = "BATCH_EXISTS";
    public static final String BATCH_NOT_FOUND = "BATCH_NOT_FOUND";
    public static final String NOTHING_TO_RETRY = "NOTHING_TO_RETRY";

    /** Per request; larger migrations are several batches. Keeps one request's transaction and body bounded. */
    static final int MAX_USERS = 5_000;
    /** Below Keycloak's HTTP body limit (10 MiB), room for 5,000 people of ~1.5 kB. */
    static final int MAX_BODY_CHARS = 8 * 1024 * 1024;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public MigrationResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response submitBatch(@Context HttpHeaders headers, String body) {
        return run("submitMigrationBatch", body, () -> submit(headers, body));
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response batchStatus(@QueryParam("migrationBatchId") String migrationBatchId,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return run("getMigrationBatchStatus", null, () -> status(migrationBatchId, page, size));
    }

    @POST
    @Path("{migrationBatchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retryBatch(@PathParam("migrationBatchId") String migrationBatchId) {
        return run("retryMigrationBatch", null, () -> retry(migrationBatchId));
    }

    /** POST is served at the own path and at {@code {migrationBatchId}}: the catch-all takes deeper paths only. */
    @Override
    @POST
    @Unmatched
    @Path(DEEPER)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    private Response submit(HttpHeaders headers, String rawBody) {
        Caller caller = authorize();
        JsonBody body = JsonBody.parse(headers, rawBody, Set.of("migrationBatchId", "users"), MAX_BODY_CHARS);
        String batchId = batchId(body.requiredString("migrationBatchId", 64));
        List<JsonNode> users = body.requiredObjectArray("users", MAX_USERS);
        MigrationBatchStore store = new MigrationBatchStore(session);
        if (store.find(realm.getId(), batchId).isPresent()) {
            throw exists();
        }
        try {
            store.create(realm.getId(), batchId, caller.client().getClientId(), users);
        } catch (PersistenceException sameIdAtTheSameTime) {
            // Another node stored the same batch id between the check and the insert: the unique key refused it.
            session.getTransactionManager().setRollbackOnly();
            throw exists();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "MIGRATION_ACCEPTED");
        answer.put("message", "The batch is queued; GET /migrate/status?migrationBatchId=" + batchId + " reports its progress.");
        answer.put("migrationBatchId", batchId);
        answer.put("total", users.size());
        return Endpoints.json(202, answer);
    }

    private Response status(String batchIdParam, String pageParam, String sizeParam) {
        authorize();
        if (batchIdParam == null || batchIdParam.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter 'migrationBatchId' is required.");
        }
        Paging paging = Paging.of(pageParam, sizeParam);
        MigrationBatchStore store = new MigrationBatchStore(session);
        MigrationBatchEntity batch = find(store, batchIdParam);
        Map<RecordState, Long> counts = store.counts(batch);

        List<Map<String, Object>> failed = new ArrayList<>();
        for (MigrationRecordEntity record : store.failed(batch, paging.first(), paging.size())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", record.getSeq());
            item.put("username", record.getUsername());
            item.put("reason", record.getReason());
            item.put("message", record.getMessage());
            item.put("attempts", record.getAttempts());
            failed.add(item);
        }
        Map<String, Object> failures = new LinkedHashMap<>();
        failures.put("page", paging.page());
        failures.put("size", paging.size());
        failures.put("total", counts.get(RecordState.FAILED));
        failures.put("records", failed);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("migrationBatchId", batch.getBatchId());
        answer.put("status", counts.get(RecordState.PENDING) > 0 ? "IN_PROGRESS" : "COMPLETED");
        answer.put("total", batch.getTotal());
        answer.put("submittedAt", batch.getSubmittedAt());
        answer.put("submittedBy", batch.getSubmittedBy());
        answer.put("counts", counts);
        answer.put("failed", failures);
        return Endpoints.json(200, answer);
    }

    private Response retry(String batchIdParam) {
        authorize();
        MigrationBatchStore store = new MigrationBatchStore(session);
        MigrationBatchEntity batch = find(store, batchIdParam);
        int requeued = store.requeueFailed(batch);
        if (requeued == 0) {
            throw new ApiError(409, NOTHING_TO_RETRY, "The batch has no failed records.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "RETRY_ACCEPTED");
        answer.put("message", "The failed records are queued again; successful and conflicting ones are left as they are.");
        answer.put("migrationBatchId", batch.getBatchId());
        answer.put("retried", requeued);
        return Endpoints.json(202, answer);
    }

    private Caller authorize() {
        return BearerAuth.authenticate(session).requireServiceAccount().requireScope(SCOPE);
    }

    private MigrationBatchEntity find(MigrationBatchStore store, String batchIdParam) {
        boolean plausible = batchIdParam != null && BATCH_ID.matcher(batchIdParam).matches();
        return (plausible ? store.find(realm.getId(), batchIdParam) : java.util.Optional.<MigrationBatchEntity>empty())
                .orElseThrow(() -> ApiError.notFound(BATCH_NOT_FOUND, "No migration batch with this id exists in this tenant."));
    }

    private static String batchId(String value) {
        if (!BATCH_ID.matcher(value).matches()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                    "'migrationBatchId' must be 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        }
        return value;
    }

    private static ApiError exists() {
        return new ApiError(409, BATCH_EXISTS, "A batch with this migrationBatchId exists already; retry it with"
                + " POST /migrate/{migrationBatchId} or submit under a new id.");
    }
}
