package dev.lanyard.audit;

import dev.lanyard.Printable;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * For Lanyard's own background decisions about a person (a sanctions screening and its resolution),
 * which no Keycloak event reports: a PersonAudit record of category OTHER, in the caller's transaction,
 * in realms that list {@code lanyard-audit}.
 */
public final class PersonAudits {

    /** The Keycloak event detail naming a seed's event type (seed 002's AUTHSYSTEM_USER_CREATE): the record's name. */
    public static final String SEED_EVENT = "seed_event";

    private PersonAudits() {
    }

    public static void record(KeycloakSession session, RealmModel realm, UserModel person, String name, String action, boolean ok,
                              String summary, String data) {
        if (!RestAudit.audited(realm)) {
            return;
        }
        PersonAuditEntity record = new PersonAuditEntity();
        record.setRealmId(realm.getId());
        record.setUserId(person.getId());
        record.setUuid(person.getUsername());
        record.setAuditCategory(AuditCategory.OTHER);
        record.setName(Printable.cut(name, 64));
        record.setAuditAction(action);
        record.setCreatedDate(Time.currentTimeMillis());
        record.setResult(ok ? "Y" : "N");
        record.setSummary(Printable.cut(summary, 255));
        record.setData(data == null ? null : Printable.cut(Redaction.json(data), AuditEventListener.MAX_DATA));
        new AuditStore(session).add(record);
    }
}
