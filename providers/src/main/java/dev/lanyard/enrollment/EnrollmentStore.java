package dev.lanyard.enrollment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Consents and idempotency keys in Lanyard's tables, through the session's entity manager (its transaction). */
final class EnrollmentStore {

    private final EntityManager em;

    EnrollmentStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void add(ConsentEntity consent) {
        em.persist(consent);
    }

    List<ConsentEntity> consents(String realmId, String userId) {
        return em.createNamedQuery("lanyardConsentsOfUser", ConsentEntity.class).setParameter("realmId", realmId)
                .setParameter("userId", userId).getResultList();
    }

    Optional<IdempotencyEntity> idempotency(String realmId, String clientId, String operation, String key) {
        return em.createNamedQuery("lanyardIdempotencyKey", IdempotencyEntity.class).setParameter("realmId", realmId)
                .setParameter("clientId", clientId).setParameter("operation", operation).setParameter("key", key)
                .getResultStream().findFirst();
    }

    /** Inserts now: a request racing with the same key meets the unique key here (a PersistenceException). */
    void claim(IdempotencyEntity claim) {
        em.persist(claim);
        em.flush();
    }

    void release(IdempotencyEntity claim) {
        em.remove(claim);
        em.flush();
    }

    int deleteIdempotencyBefore(long before) {
        return em.createNamedQuery("lanyardDeleteIdempotencyBefore").setParameter("before", before).executeUpdate();
    }

    void deleteUser(String realmId, String userId) {
        em.createNamedQuery("lanyardDeleteConsentsOfUser").setParameter("realmId", realmId).setParameter("userId", userId)
                .executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteConsentsOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("lanyardDeleteIdempotencyOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
