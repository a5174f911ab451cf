package dev.lanyard.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.Printable;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * For what no Keycloak event reports: Lanyard's own background decisions about a person (a sanctions screening and
 * its resolution, category OTHER) and a tenant admin's reads of a person (category ADMIN, action READ). A PersonAudit
 * record in the caller's transaction, in realms that list {@code lanyard-audit}.
 */
public final class PersonAudits {

    /** The Keycloak event detail naming a seed's event type (seed 002's AUTHSYSTEM_USER_CREATE): the record's name. */
    public static final String SEED_EVENT = "seed_event";

    private PersonAudits() {
    }

    /** A tenant admin read a person (Keycloak has no admin event for reads): category ADMIN, action READ, the actor named. */
    public static void adminRead(KeycloakSession session, RealmModel realm, UserModel person, String name, String actorUserId,
                                 String actorClientId) {
        admin(session, realm, person, name, AuditCategory.READ, "Admin read of the person", actorUserId, actorClientId);
    }

    /**
     * An agent or back office acted on a person through an endpoint that makes no Keycloak event (a concierge's send-code):
     * category ADMIN, the actor named.
     */
    public static void adminAction(KeycloakSession session, RealmModel realm, UserModel person, String name, String summary,
                                   String actorUserId, String actorClientId) {
        admin(session, realm, person, name, AuditCategory.WEBSERVICE, summary, actorUserId, actorClientId);
    }

    /** An ADMIN record naming its actor, in realms that list {@code lanyard-audit}. */
    private static void admin(KeycloakSession session, RealmModel realm, UserModel person, String name, String action, String summary,
                              String actorUserId, String actorClientId) {
        if (!RestAudit.audited(realm)) {
            return;
        }
        PersonAuditEntity record = entity(realm, person, AuditCategory.ADMIN, name, action, true, summary);
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("actorUserId", actorUserId);
        parameter.put("actorClientId", actorClientId);
        record.setParameter(AuditEventListener.masked(parameter));
        new AuditStore(session).add(record);
    }

    /** One record of a person's trail as another capability reads it: when, what (its name), whether it succeeded, who acted. */
    public record TrailRecord(long time, String category, String name, boolean ok, String summary, String actorUserId, String clientId) {
    }

    /** The person's records from {@code from} to {@code to} (epoch millis, both included), newest first, at most {@code max}. */
    public static List<TrailRecord> trail(KeycloakSession session, RealmModel realm, String userId, long from, long to, int max) {
        return new AuditStore(session).ofUserBetween(realm.getId(), userId, from, to, max).stream().map(record -> {
            Map<String, Object> parameter = parameter(record.getParameter());
            Object actor = parameter.get("actorUserId");
            Object client = parameter.containsKey("actorClientId") ? parameter.get("actorClientId") : parameter.get("clientId");
            return new TrailRecord(record.getCreatedDate(), record.getAuditCategory(), record.getName(), "Y".equals(record.getResult()),
                    record.getSummary(), actor == null ? null : actor.toString(), client == null ? null : client.toString());
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameter(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object value = JsonSerialization.readValue(json, Map.class);
            return value instanceof Map ? (Map<String, Object>) value : Map.of();
        } catch (IOException unreadable) {
            return Map.of();
        }
    }

    public static void record(KeycloakSession session, RealmModel realm, UserModel person, String name, String action, boolean ok,
                              String summary, String data) {
        if (!RestAudit.audited(realm)) {
            return;
        }
        PersonAuditEntity record = entity(realm, person, AuditCategory.OTHER, name, action, ok, summary);
        record.setData(data == null ? null : Printable.cut(Redaction.json(data), AuditEventListener.MAX_DATA));
        new AuditStore(session).add(record);
    }

    private static PersonAuditEntity entity(RealmModel realm, UserModel person, String category, String name, String action, boolean ok,
                                            String summary) {
        PersonAuditEntity record = new PersonAuditEntity();
        record.setRealmId(realm.getId());
        record.setUserId(person.getId());
        record.setUuid(person.getUsername());
        record.setAuditCategory(category);
        record.setName(Printable.cut(name, 64));
        record.setAuditAction(action);
        record.setCreatedDate(Time.currentTimeMillis());
        record.setResult(ok ? "Y" : "N");
        record.setSummary(Printable.cut(summary, 255));
        return record;
    }
}
