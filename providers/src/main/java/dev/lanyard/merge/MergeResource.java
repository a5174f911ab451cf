package dev.lanyard.merge;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.PersistenceException;
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

import dev.lanyard.person.PersonRecords;
import dev.lanyard.person.PersonEntity;
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
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Duplicate Account Cleanup", step 2: {@code POST /user/internal/clean-duplicate-accounts} queues a merge
 * (202 with the job's {@code Location}) that {@link MergeWorker} carries out in the background, and
 * {@code GET .../{jobId}} tells how far it is, person by person. The caller holds realm-management's
 * {@value AdminRoles#MANAGE_USERS}, as for merging people in the admin console by hand.
 */
public final class MergeResource extends SeedResource {

    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String NOTHING_TO_MERGE = "NOTHING_TO_MERGE";
    public static final String ALREADY_MERGED = "ALREADY_MERGED";
    public static final String JOB_NOT_FOUND = "JOB_NOT_FOUND";
    static final int MAX_PEOPLE = 50;
    private static final Set<String> FIELDS = Set.of("keepUserId", "userIds");

    public MergeResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response merge(@Context HttpHeaders headers, String rawBody) {
        return run("cleanDuplicateAccounts", rawBody, () -> {
            Caller caller = authorize();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            List<String> userIds = body.optionalStringArray("userIds", MAX_PEOPLE, 36);
            if (userIds == null) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'userIds' (an array of Keycloak user ids) is required.");
            }
            Optional<String> keep = Optional.ofNullable(body.optionalString("keepUserId", 36));
            Set<String> named = new LinkedHashSet<>(userIds);
            keep.ifPresent(named::add);
            if (named.size() < 2) {
                throw ApiError.badRequest(NOTHING_TO_MERGE, "A merge takes two people or more.");
            }
            MergeStore store = new MergeStore(session);
            List<MergePlan.Person> people = new ArrayList<>();
            PersonRecords records = new PersonRecords(session);
            for (String userId : named) {
                UserModel person = LocalPeople.find(session, realm, userId, null).filter(u -> u.getServiceAccountClientLink() == null)
                        .orElseThrow(() -> ApiError.notFound(USER_NOT_FOUND, "No person with the id " + userId + " in this realm."));
                if (person.getFirstAttribute(PersonMerger.MERGED_INTO) != null || store.mergedAway(realm.getId(), person.getId())) {
                    throw new ApiError(409, ALREADY_MERGED, "The person " + userId + " is merged, or being merged, already.");
                }
                Long signedIn = records.record(person).map(PersonEntity::getLastSignInAt).orElse(null);
                long lastUsed = signedIn != null ? signedIn : person.getCreatedTimestamp() == null ? 0 : person.getCreatedTimestamp();
                people.add(new MergePlan.Person(person.getId(), person.isEnabled(), lastUsed));
            }
            String kept = MergePlan.kept(keep, people);
            List<String> others = people.stream().map(MergePlan.Person::userId).filter(id -> !id.equals(kept)).toList();
            MergeJobEntity job;
            try {
                job = store.create(realm.getId(), kept, others, caller.user() == null ? null : caller.user().getId());
            } catch (PersistenceException | ModelDuplicateException takenByAnotherJob) {
                throw new ApiError(409, ALREADY_MERGED, "Another merge took one of these people at the same moment.");
            }
            URI location = session.getContext().getUri().getAbsolutePathBuilder().path(job.getId()).build();
            return Response.fromResponse(Endpoints.json(202, Map.of("jobId", job.getId()))).location(location).build();
        });
    }

    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("jobId") String jobId) {
        return run("cleanDuplicateAccountsStatus", null, () -> {
            authorize();
            MergeStore store = new MergeStore(session);
            MergeJobEntity job = store.job(realm.getId(), jobId)
                    .orElseThrow(() -> ApiError.notFound(JOB_NOT_FOUND, "No merge job with this id in this realm."));
            List<Map<String, Object>> people = new ArrayList<>();
            people.add(Map.of("userId", job.getKeptUserId(), "outcome", "KEPT"));
            boolean running = false;
            for (MergePersonEntity person : store.people(job.getId())) {
                running |= MergeStore.PENDING.equals(person.getOutcome());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("userId", person.getUserId());
                entry.put("outcome", person.getOutcome());
                entry.put("detail", person.getDetail());
                entry.put("processedAt", person.getProcessedAt());
                people.add(entry);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("jobId", job.getId());
            answer.put("status", running ? "RUNNING" : "COMPLETED");
            answer.put("keptUserId", job.getKeptUserId());
            answer.put("createdAt", job.getCreatedAt());
            answer.put("people", people);
            return Endpoints.json(200, answer);
        });
    }

    /** POST is served at the own path, GET at {@code {jobId}}. */
    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    @Override
    @GET
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    private Caller authorize() {
        return BearerAuth.authenticate(session).requireRealmManagementRole(realm, AdminRoles.MANAGE_USERS, NOT_ALLOWED,
                "Merging people takes the realm-management role manage-users.");
    }
}
