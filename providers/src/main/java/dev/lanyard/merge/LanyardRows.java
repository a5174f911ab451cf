package dev.lanyard.merge;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What Lanyard's own tables hold of a person, handed to the person kept: site registrations to sites the kept person
 * lacks, aliases and DTS records (all: both people's are distinct rows), audit and screening records (re-pointed, so the
 * kept person's trail and screenings tell the whole story). Bulk updates in the merge's transaction; Keycloak caches none
 * of these rows.
 */
final class LanyardRows {

    private final EntityManager em;
    private final String realmId;

    LanyardRows(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    int siteRegistrations(String from, String to) {
        return em.createQuery("update SiteRegistrationEntity r set r.userId = :to where r.realmId = :realmId and r.userId = :from"
                        + " and r.siteId not in (select k.siteId from SiteRegistrationEntity k where k.realmId = :realmId and k.userId = :to)")
                .setParameter("realmId", realmId).setParameter("from", from).setParameter("to", to).executeUpdate();
    }

    int aliases(String from, String to) {
        return move("AliasEntity", from, to);
    }

    int dtsRecords(String from, String to) {
        return move("DtsRecordEntity", from, to);
    }

    int auditRecords(String from, String to) {
        return move("PersonAuditEntity", from, to);
    }

    int screenings(String from, String to) {
        return move("ScreeningEntity", from, to);
    }

    private int move(String entity, String from, String to) {
        return em.createQuery("update " + entity + " e set e.userId = :to where e.realmId = :realmId and e.userId = :from")
                .setParameter("realmId", realmId).setParameter("from", from).setParameter("to", to).executeUpdate();
    }
}
