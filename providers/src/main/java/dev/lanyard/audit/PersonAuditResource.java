package dev.lanyard.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.QueryParams;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Seed 003 "ClientPersonAudit": a person's audit records, newest first, and one record with its
 * HTTP log. The caller is a user or service account of this realm holding the realm-management
 * client's {@value AdminRoles#VIEW_EVENTS} role (as for Keycloak's own event pages; realm-admin
 * includes it). A person of another realm, or none, is 404.
 */
public final class PersonAuditResource {

    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";
    public static final String AUDIT_NOT_FOUND = "AUDIT_NOT_FOUND";
    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    static final int MAX_PAGE_SIZE = 500;
    static final int DEFAULT_PAGE_SIZE = 50;

    private final KeycloakSession session;
    private final RealmModel realm;

    public PersonAuditResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    public Response list(String uuid, String pageParam, String sizeParam) {
        authorize();
        int page = QueryParams.integer(pageParam, "page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = QueryParams.integer(sizeParam, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        UserModel person = person(uuid);
        AuditStore store = new AuditStore(session);
        List<Map<String, Object>> records = new ArrayList<>();
        for (PersonAuditEntity record : store.ofUser(realm.getId(), person.getId(), page * size, size)) {
            records.add(view(record, null));
        }
        return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), records));
    }

    public Response one(String uuid, String auditId) {
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
    }

    private void authorize() {
        Caller caller = BearerAuth.authenticate(session);
        caller.requireRealmManagementRole(realm, AdminRoles.VIEW_EVENTS, NOT_ALLOWED,
                "Reading audit records takes the realm-management role view-events.");
    }

    /** The person by Keycloak user id or username, in this realm's own store only (never a federation lookup). */
    private UserModel person(String uuid) {
        boolean plausible = uuid != null && !uuid.isBlank() && uuid.length() <= 255 && uuid.chars().noneMatch(Character::isISOControl);
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel user = plausible ? local.getUserById(realm, uuid) : null;
        if (user == null && plausible) {
            user = local.getUserByUsername(realm, uuid);
        }
        if (user == null) {
            throw ApiError.notFound(PERSON_NOT_FOUND, "No person with this uuid in this tenant.");
        }
        return user;
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
