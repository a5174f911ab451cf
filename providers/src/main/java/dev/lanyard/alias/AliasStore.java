package dev.lanyard.alias;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Aliases in Lanyard's table, through the session's entity manager (its transaction). */
final class AliasStore {

    private final EntityManager em;

    AliasStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    Optional<AliasEntity> byKey(String realmId, String aliasKey) {
        return em.createNamedQuery("lanyardAliasByKey", AliasEntity.class).setParameter("realmId", realmId)
                .setParameter("aliasKey", aliasKey).getResultStream().findFirst();
    }

    List<AliasEntity> ofUser(String realmId, String userId) {
        return em.createNamedQuery("lanyardAliasesOfUser", AliasEntity.class).setParameter("realmId", realmId)
                .setParameter("userId", userId).getResultList();
    }

    /** Inserted and flushed: the unique index refuses a taken alias here, inside the request. */
    void add(AliasEntity alias) {
        em.persist(alias);
        em.flush();
    }

    void remove(AliasEntity alias) {
        em.remove(alias);
        em.flush();
    }

    void deleteUser(String realmId, String userId) {
        em.createNamedQuery("lanyardDeleteAliasesOfUser").setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteAliasesOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
