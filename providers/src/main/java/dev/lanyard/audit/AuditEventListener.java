package dev.lanyard.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lanyard.Printable;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.util.JsonSerialization;

/**
 * Event listener {@code lanyard-audit}: each user event and admin event of a realm that lists it
 * (Realm settings → Events → Event listeners) becomes a seed 003 PersonAudit record of the person
 * it is about, in the event's own transaction. Details and representations are kept with every
 * secret masked ({@link Redaction}).
 */
final class AuditEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListener.class);
    /** A representation is kept up to this size; larger ones are cut (the admin event store has them whole). */
    static final int MAX_DATA = 16 * 1024;
    private static final Pattern USER_PATH = Pattern.compile("^users/([0-9a-fA-F-]{36}|[^/]+)(/.*)?$");

    private final KeycloakSession session;

    AuditEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() == null || event.getType() == EventType.CLIENT_LOGIN || event.getType() == EventType.CLIENT_LOGIN_ERROR) {
            // Not about a person of the realm: an unknown username, or a client's own grant (its service account is no
            // person; a record per partner token was a tenth of a client-credentials grant's cost).
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        String type = event.getType().name();
        boolean failed = type.endsWith("_ERROR");
        String base = failed ? type.substring(0, type.length() - "_ERROR".length()) : type;
        // A call that names its step by a seed's event type (seed 002's AUTHSYSTEM_USER_CREATE) is recorded under it.
        String seedEvent = event.getDetails() == null ? null : event.getDetails().get(PersonAudits.SEED_EVENT);

        PersonAuditEntity record = new PersonAuditEntity();
        record.setRealmId(realm.getId());
        record.setUserId(event.getUserId());
        record.setUuid(username(realm, event.getUserId(), event.getDetails()));
        record.setAuditCategory(AuditCategory.ofUserEvent(base));
        record.setName(seedEvent != null ? Printable.cut(seedEvent, 64) : base);
        record.setAuditAction(AuditCategory.actionOfUserEvent(base));
        record.setCreatedDate(event.getTime());
        record.setResult(failed ? "N" : "Y");
        record.setSummary(summary(base, event.getClientId()));
        Map<String, Object> parameter = new LinkedHashMap<>();
        if (event.getClientId() != null) {
            parameter.put("clientId", event.getClientId());
        }
        if (event.getDetails() != null) {
            parameter.putAll(event.getDetails());
        }
        record.setParameter(masked(parameter));
        record.setErrorMessage(Printable.cut(event.getError(), 255));
        record.setClientIpAddress(Printable.cut(event.getIpAddress(), 255));
        store(record);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        String subject = subjectUserId(event.getResourcePath());
        if (subject == null && event.getAuthDetails() != null && realm.getId().equals(event.getAuthDetails().getRealmId())) {
            subject = event.getAuthDetails().getUserId(); // not about a person: the record is the acting admin's
        }
        if (subject == null) {
            return;
        }
        String operation = event.getOperationType().name();
        String resource = event.getResourceTypeAsString() == null ? "RESOURCE" : event.getResourceTypeAsString();

        PersonAuditEntity record = new PersonAuditEntity();
        record.setRealmId(realm.getId());
        record.setUserId(subject);
        record.setUuid(username(realm, subject, null));
        record.setAuditCategory(AuditCategory.ADMIN);
        record.setName(Printable.cut(resource + "_" + operation, 64));
        record.setAuditAction(AuditCategory.actionOfAdminOperation(operation));
        record.setCreatedDate(event.getTime());
        record.setResult(event.getError() == null ? "Y" : "N");
        record.setSummary(Printable.cut("Admin " + operation.toLowerCase(Locale.ROOT) + " of " + event.getResourcePath(), 255));
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("resourcePath", event.getResourcePath());
        if (event.getAuthDetails() != null) {
            parameter.put("actorUserId", event.getAuthDetails().getUserId());
            parameter.put("actorClientId", event.getAuthDetails().getClientId());
        }
        record.setParameter(masked(parameter));
        if (includeRepresentation && event.getRepresentation() != null) {
            record.setData(Printable.cut(Redaction.json(event.getRepresentation()), MAX_DATA));
        }
        record.setErrorMessage(Printable.cut(event.getError(), 255));
        record.setClientIpAddress(event.getAuthDetails() == null ? null : Printable.cut(event.getAuthDetails().getIpAddress(), 255));
        store(record);
    }

    private void store(PersonAuditEntity record) {
        new AuditStore(session).add(record);
        LOG.debugf("Audit record %s %s for a user of realm %s", record.getName(), record.getResult(), record.getRealmId());
    }

    /** The person's username, as seed 003 names people; the event's own username if the user is gone. */
    private String username(RealmModel realm, String userId, Map<String, String> details) {
        UserModel user = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, userId);
        if (user != null) {
            return user.getUsername();
        }
        return details == null ? null : Printable.cut(details.get("username"), 255);
    }

    static String subjectUserId(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        Matcher matcher = USER_PATH.matcher(resourcePath);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String summary(String type, String clientId) {
        String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        String text = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return Printable.cut(clientId == null ? text : text + " (client " + clientId + ")", 255);
    }

    static String masked(Map<String, Object> values) {
        try {
            return Redaction.json(JsonSerialization.writeValueAsString(values));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
    }
}
