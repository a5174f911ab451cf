package dev.lanyard.screening;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Screenings and list versions in Lanyard's tables, through the session's entity manager (its transaction). */
final class ScreeningStore {

    /** List versions kept: the current one and the one before it. */
    private static final int KEPT_VERSIONS = 2;

    private final EntityManager em;

    ScreeningStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void add(ScreeningEntity screening) {
        em.persist(screening);
    }

    List<ScreeningEntity> ofUser(String realmId, String userId, int max) {
        return em.createNamedQuery("lanyardScreeningsOfUser", ScreeningEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setMaxResults(max).getResultList();
    }

    List<ScreeningEntity> openOfUser(String realmId, String userId) {
        return em.createNamedQuery("lanyardOpenScreeningsOfUser", ScreeningEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).getResultList();
    }

    /** The newest screening an admin decided of this very match: same person, same name, same SDN entry and listed name. */
    Optional<ScreeningEntity> decidedBefore(ScreeningEntity screening) {
        return em.createNamedQuery("lanyardDecidedScreeningsOfUser", ScreeningEntity.class)
                .setParameter("realmId", screening.getRealmId()).setParameter("userId", screening.getUserId())
                .setParameter("entryNumber", screening.getEntryNumber()).setParameter("screenedName", screening.getScreenedName())
                .setParameter("matchedName", screening.getMatchedName())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The stored versions, newest first: {version, loadedAt, entries, source} each. */
    List<Object[]> listSummaries() {
        return em.createNamedQuery("lanyardListSummariesNewestFirst", Object[].class).getResultList();
    }

    Optional<String> newestListVersion() {
        return em.createNamedQuery("lanyardNewestListVersion", String.class).setMaxResults(1).getResultStream().findFirst();
    }

    Optional<SanctionsListEntity> list(String version) {
        return em.createNamedQuery("lanyardListByVersion", SanctionsListEntity.class).setParameter("version", version)
                .getResultStream().findFirst();
    }

    /** Stores a new publication and drops all but the newest {@value #KEPT_VERSIONS}. */
    void addList(SanctionsListEntity list) {
        em.persist(list);
        em.flush();
        List<SanctionsListEntity> all = em.createNamedQuery("lanyardListsNewestFirst", SanctionsListEntity.class).getResultList();
        all.stream().skip(KEPT_VERSIONS).forEach(em::remove);
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardScreeningsOfRealmDelete").setParameter("realmId", realmId).executeUpdate();
    }
}
