package dev.lanyard.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.Paging;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "ClientPersonAudit" at {@code /auth/admin/client/person/audit}: a person's audit records, newest
 * first, and one record with its HTTP log. The caller is a user or service account of this realm holding the
 * realm-management client's {@value AdminRoles#VIEW_EVENTS} role (as for Keycloak's own event pages;
 * realm-admin includes it). A person of another realm, or none, is 404.
 */
public final class PersonAuditResource extends SeedResource {

    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";
    public static final String AUDIT_NOT_FOUND = "AUDIT_NOT_FOUND";
    public static final String NOT_ALLOWED = "NOT_ALLOWED";

    public PersonAuditResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Path("{uuid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("uuid") String uuid, @QueryParam("page") String page, @QueryParam("size") String size) {
        return run("getPersonAudit", null, () -> {
            authorize();
            Paging paging = Paging.of(page, size);
            UserModel person = person(uuid);
            List<Map<String, Object>> records = new ArrayList<>();
            for (PersonAuditEntity record : new AuditStore(session).ofUser(realm.getId(), person.getId(), paging.first(), paging.size())) {
                records.add(view(record, null));
            }
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), records));
        });
    }

    @GET
    @Path("{uuid}/{auditId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("uuid") String uuid, @PathParam("auditId") String auditId) {
        return run("getPersonAuditRecord", null, () -> {
            authorize();
            UserModel person = person(uuid);
            long id;
            try {
                id = Long.parseLong(auditId);
            } catch (NumberFormatException e) {
                throw ApiError.notFound(AUDIT_NOT_FOUND, "No audit record with this id for this person.");
            }
            AuditStore store = new AuditStore(session);
            PersonAuditEntity record = store.find(realm.getId(), person.getId(), id)
                    .orElseThrow(() -> ApiError.notFound(AUDIT_NOT_FOUND, "No audit record with this id for this person."));
            Map<String, Object> httpLogging = store.httpLog(record.getHttpLoggingId()).map(log -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", log.getId());
                view.put("requestMessage", log.getRequestMessage());
                view.put("responseMessage", log.getResponseMessage());
                view.put("createdDate", log.getCreatedDate());
                return view;
            }).orElse(null);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), view(record, httpLogging)));
        });
    }

    /** GET is served at {@code {uuid}}: the catch-all leaves single segments to it. */
    @Override
    @GET
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    private void authorize() {
        BearerAuth.authenticate(session).requireRealmManagementRole(realm, AdminRoles.VIEW_EVENTS, NOT_ALLOWED,
                "Reading audit records takes the realm-management role view-events.");
    }

    /** The person by Keycloak user id or username, in this realm's own store only (never a federation lookup). */
    private UserModel person(String uuid) {
        return LocalPeople.find(session, realm, uuid, uuid)
                .orElseThrow(() -> ApiError.notFound(PERSON_NOT_FOUND, "No person with this uuid in this tenant."));
    }

    private static Map<String, Object> view(PersonAuditEntity record, Map<String, Object> httpLogging) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.getId());
        view.put("auditCategory", record.getAuditCategory());
        view.put("name", record.getName());
        view.put("auditAction", record.getAuditAction());
        view.put("uuid", record.getUuid());
        view.put("createdDate", record.getCreatedDate());
        view.put("result", record.getResult());
        view.put("summary", record.getSummary());
        view.put("parameter", record.getParameter());
        view.put("data", record.getData());
        view.put("errorMessage", record.getErrorMessage());
        view.put("startDate", null);
        view.put("endDate", null);
        view.put("clientIpAddress", record.getClientIpAddress());
        view.put("httpLoggingId", record.getHttpLoggingId());
        view.put("httpLogging", httpLogging);
        return view;
    }
}
