package dev.lanyard.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Tries counted in the database, for limits that must hold across parallel requests and nodes (wrong PINs, calls
 * per minute). A try is claimed before the work it counts: a conditional UPDATE that only succeeds under the limit,
 * in a transaction of its own, so the row lock serializes racing claims and the count survives a refused request.
 * Of 16 parallel claims under a limit of 5, exactly 5 get through.
 */
public final class AttemptCounters {

    /** A window that never starts again: the count only goes back to zero by {@link #reset}. */
    public static final long FOREVER = 0;

    private final KeycloakSessionFactory factory;

    public AttemptCounters(KeycloakSession session) {
        this.factory = session.getKeycloakSessionFactory();
    }

    /**
     * Claims one try of {@code subject} under {@code name}: true if fewer than {@code limit} were claimed in the current
     * window of {@code windowMillis} ({@link #FOREVER}: since the last reset), and counts it; false (and counts nothing)
     * at the limit.
     */
    public boolean claim(String realmId, String name, String subject, int limit, long windowMillis) {
        try {
            return claimOnce(realmId, name, subject, limit, windowMillis);
        } catch (PersistenceException | ModelDuplicateException firstTryOfTwoAtOnce) {
            // Both inserted the subject's first row; the loser's row exists now, so its update path decides.
            return claimOnce(realmId, name, subject, limit, windowMillis);
        }
    }

    /** How many tries of the subject the current window holds. */
    public int count(String realmId, String name, String subject, long windowMillis) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> em(s)
                .createNamedQuery("lanyardCountAttempts", Integer.class).setParameter("realmId", realmId).setParameter("name", name)
                .setParameter("subject", subject).setParameter("cutoff", cutoff(windowMillis)).getResultStream().findFirst().orElse(0));
    }

    /** The subject starts from zero (a right PIN, a new PIN). In the caller's transaction. */
    public static void reset(KeycloakSession session, String realmId, String name, String subject) {
        em(session).createNamedQuery("lanyardResetAttempts").setParameter("realmId", realmId).setParameter("name", name)
                .setParameter("subject", subject).executeUpdate();
    }

    public static void removeRealm(KeycloakSession session, RealmModel realm) {
        em(session).createNamedQuery("lanyardDeleteAttemptsOfRealm").setParameter("realmId", realm.getId()).executeUpdate();
    }

    private boolean claimOnce(String realmId, String name, String subject, int limit, long windowMillis) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            EntityManager em = em(s);
            long now = Time.currentTimeMillis();
            int claimed = em.createNamedQuery("lanyardClaimAttempt").setParameter("cutoff", cutoff(windowMillis)).setParameter("now", now)
                    .setParameter("realmId", realmId).setParameter("name", name).setParameter("subject", subject)
                    .setParameter("limit", limit).executeUpdate();
            if (claimed == 1) {
                return true;
            }
            boolean exists = !em.createNamedQuery("lanyardCountAttempts", Integer.class).setParameter("realmId", realmId)
                    .setParameter("name", name).setParameter("subject", subject).setParameter("cutoff", Long.MIN_VALUE)
                    .getResultList().isEmpty();
            if (exists || limit < 1) {
                return false;
            }
            AttemptCounterEntity first = new AttemptCounterEntity();
            first.setId(KeycloakModelUtils.generateId());
            first.setRealmId(realmId);
            first.setName(name);
            first.setSubject(subject);
            first.setWindowStart(now);
            first.setAttempts(1);
            em.persist(first);
            em.flush();
            return true;
        });
    }

    private static long cutoff(long windowMillis) {
        return windowMillis == FOREVER ? Long.MIN_VALUE : Time.currentTimeMillis() - windowMillis;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
