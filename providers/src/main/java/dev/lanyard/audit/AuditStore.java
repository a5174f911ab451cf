package dev.lanyard.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Audit records and HTTP logs in Lanyard's tables, through the session's entity manager (its transaction). */
final class AuditStore {

    /** Records written by this request, so the request's HTTP log can be linked to them before it commits. */
    private static final String WRITTEN_NOW = "lanyard.audit.written-now";

    private final KeycloakSession session;
    private final EntityManager em;

    AuditStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void add(PersonAuditEntity record) {
        em.persist(record);
        writtenNow().add(record);
    }

    /** Stores the request's HTTP log and points the records this request wrote at it. */
    void addHttpLog(HttpLogEntity log) {
        em.persist(log);
        em.flush();
        for (PersonAuditEntity record : writtenNow()) {
            record.setHttpLoggingId(log.getId());
        }
    }

    boolean wroteRecordsNow() {
        return !writtenNow().isEmpty();
    }

    List<PersonAuditEntity> ofUser(String realmId, String userId, int first, int max) {
        return em.createNamedQuery("lanyardAuditOfUser", PersonAuditEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    List<PersonAuditEntity> ofUserBetween(String realmId, String userId, long from, long to, int max) {
        return em.createNamedQuery("lanyardAuditOfUserBetween", PersonAuditEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("from", from).setParameter("to", to)
                .setMaxResults(max).getResultList();
    }

    Optional<PersonAuditEntity> find(String realmId, String userId, long id) {
        PersonAuditEntity record = em.find(PersonAuditEntity.class, id);
        return record != null && realmId.equals(record.getRealmId()) && userId.equals(record.getUserId())
                ? Optional.of(record) : Optional.empty();
    }

    Optional<HttpLogEntity> httpLog(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(HttpLogEntity.class, id));
    }

    /** Deletes what is older than {@code before} (epoch millis); returns the number of rows. */
    int purgeOlderThan(long before) {
        return em.createNamedQuery("lanyardAuditOlderThan").setParameter("before", before).executeUpdate()
                + em.createNamedQuery("lanyardHttpLogOlderThan").setParameter("before", before).executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardAuditOfRealmDelete").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("lanyardHttpLogOfRealmDelete").setParameter("realmId", realmId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<PersonAuditEntity> writtenNow() {
        Object list = session.getAttribute(WRITTEN_NOW);
        if (list == null) {
            list = new ArrayList<PersonAuditEntity>();
            session.setAttribute(WRITTEN_NOW, list);
        }
        return (List<PersonAuditEntity>) list;
    }
}
