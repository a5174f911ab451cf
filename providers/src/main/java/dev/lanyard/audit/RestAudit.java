package dev.lanyard.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.lanyard.Printable;
import dev.lanyard.rest.CallAudit;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * The audit side of Lanyard's own REST calls, in realms that list {@code lanyard-audit}: an HTTP
 * log of the call (seed 003's httpLogging: method, path, headers, parameters and body as it came;
 * the answer as it went; every secret masked), and an API record for the calling person or partner
 * service account. Records that Keycloak events of the same request wrote point at the log too.
 */
final class RestAudit implements CallAudit {

    private static final Logger LOG = Logger.getLogger(RestAudit.class);
    /** Bodies are kept up to this size (a migration batch can be megabytes). */
    static final int MAX_BODY = 16 * 1024;

    private final KeycloakSession session;

    RestAudit(KeycloakSession session) {
        this.session = session;
    }

    static boolean audited(RealmModel realm) {
        return realm != null && realm.getEventsListenersStream().anyMatch(AuditEventListenerFactory.ID::equals);
    }

    /** Writes the call's HTTP log and the caller's API record. */
    @Override
    public void record(String operation, String body, UserModel caller, Response response) {
        RealmModel realm = session.getContext().getRealm();
        if (!audited(realm)) {
            return;
        }
        try {
            HttpRequest request = session.getContext().getHttpRequest();
            String method = request.getHttpMethod();
            String answer = answer(response);
            AuditStore store = new AuditStore(session);
            if (caller != null) {
                PersonAuditEntity record = new PersonAuditEntity();
                record.setRealmId(realm.getId());
                record.setUserId(caller.getId());
                record.setUuid(caller.getUsername());
                record.setAuditCategory(AuditCategory.API);
                record.setName(Printable.cut(operation.toUpperCase(Locale.ROOT), 64));
                record.setAuditAction(action(method));
                record.setCreatedDate(Time.currentTimeMillis());
                boolean ok = response.getStatus() < 400;
                record.setResult(ok ? "Y" : "N");
                record.setSummary(Printable.cut(method + " " + request.getUri().getPath(), 255));
                record.setParameter(Printable.cut(parameters(request), AuditEventListener.MAX_DATA));
                if (ok) {
                    record.setData(Printable.cut(answer, AuditEventListener.MAX_DATA));
                } else {
                    record.setErrorMessage(Printable.cut(answer, 255));
                }
                record.setClientIpAddress(Printable.cut(session.getContext().getConnection().getRemoteAddr(), 255));
                store.add(record);
            }
            if (store.wroteRecordsNow()) {
                HttpLogEntity log = new HttpLogEntity();
                log.setRealmId(realm.getId());
                log.setCreatedDate(Time.currentTimeMillis());
                log.setRequestMessage(Printable.cut(requestMessage(session, request, body), 4 * MAX_BODY));
                log.setResponseMessage(Printable.cut("[HTTP STATUS:" + response.getStatus() + "] " + answer, 2 * MAX_BODY));
                store.addHttpLog(log);
            }
        } catch (RuntimeException e) {
            // The call's own answer stands; a missing audit row is logged, never a reason to fail the caller.
            LOG.warnf("Could not write the audit of %s (%s)", operation, e.getClass().getSimpleName());
        }
    }

    /** Seed 003's requestMessage format, with secrets masked. */
    private static String requestMessage(KeycloakSession session, HttpRequest request, String body) {
        StringBuilder message = new StringBuilder("REST Request - [HTTP METHOD:").append(request.getHttpMethod()).append("] [PATH INFO:")
                .append(request.getUri().getPath()).append(']');
        HttpHeaders headers = request.getHttpHeaders();
        for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
            message.append(" [").append(header.getKey().toLowerCase(Locale.ROOT)).append(':')
                    .append(Redaction.header(header.getKey(), String.join(",", header.getValue()))).append(']');
        }
        message.append(" [REQUEST PARAMETERS:").append(parameters(request)).append(']');
        String kept = body == null ? "" : body.length() > MAX_BODY ? "[" + body.length() + " characters: not kept]" : Redaction.json(body);
        message.append(" [REQUEST BODY:").append(kept == null ? "" : kept).append(']');
        message.append(" [REMOTE ADDRESS:").append(session.getContext().getConnection().getRemoteAddr()).append(']');
        return message.toString();
    }

    private static String parameters(HttpRequest request) {
        MultivaluedMap<String, String> query = request.getUri().getQueryParameters();
        Map<String, Object> values = query.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Redaction.isSecretName(e.getKey()) ? Redaction.MASK : String.join(",", e.getValue()), (a, b) -> a,
                java.util.TreeMap::new));
        try {
            return JsonSerialization.writeValueAsString(values);
        } catch (java.io.IOException e) {
            return "{}";
        }
    }

    private static String answer(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        try {
            return Redaction.json(entity instanceof String text ? text : JsonSerialization.writeValueAsString(entity));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String action(String method) {
        return switch (method) {
            case "GET" -> AuditCategory.READ;
            case "DELETE" -> AuditCategory.DELETE;
            case "PUT", "PATCH" -> AuditCategory.UPDATE;
            default -> AuditCategory.CREATE;
        };
    }
}
