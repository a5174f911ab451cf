package dev.lanyard.program;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import dev.lanyard.userdata.ResponseDetail;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Seed 004's "Active Consumer Account Limits" per program: an SSN on at most 1 active and 3 lifetime-activated
 * accounts, a phone number on at most 2 active and 10 lifetime. Checked whenever a change would count: activating an
 * account, or giving an active account's user a new SSN or phone. Each identifier's lock row is taken first (in a
 * fixed order, so two requests never wait on each other in a circle), then the counts read, then the change written,
 * all before the lock is released at commit: of two partners racing for the second active account, exactly one wins.
 */
final class AccountLimits {

    static final String SSN = "ssn";
    static final String PHONE = "phone";

    record Identifier(String kind, String hash) {
    }

    private final EntityManager em;
    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final String program;

    AccountLimits(EntityManager em, KeycloakSessionFactory factory, String realmId, String program) {
        this.em = em;
        this.factory = factory;
        this.realmId = realmId;
        this.program = program;
    }

    /** Locks every identifier's row until commit; creates the rows it needs in transactions of their own. */
    void lock(Collection<Identifier> identifiers) {
        for (Identifier identifier : identifiers.stream().distinct().sorted(Comparator.comparing(Identifier::kind).thenComparing(Identifier::hash)).toList()) {
            String id = realmId + ":" + program + ":" + identifier.kind() + ":" + identifier.hash();
            if (em.find(IdentifierLockEntity.class, id, LockModeType.PESSIMISTIC_WRITE) == null) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> {
                        EntityManager own = s.getProvider(org.keycloak.connections.jpa.JpaConnectionProvider.class).getEntityManager();
                        IdentifierLockEntity row = new IdentifierLockEntity();
                        row.setId(id);
                        row.setRealmId(realmId);
                        own.persist(row);
                    });
                } catch (PersistenceException | ModelDuplicateException createdAtOnce) {
                    // another request made the row first: it exists now either way
                }
                em.find(IdentifierLockEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            }
        }
    }

    /**
     * The first limit that {@code accountId} being active with {@code identifiers} would break, or null. The lifetime
     * limit counts the other accounts ever active with the identifier; this account counts once, which it already
     * does if it was active with it before.
     */
    ResponseDetail broken(String accountId, List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            boolean ssn = SSN.equals(identifier.kind());
            long active = count("lanyardActiveWithIdentifier", accountId, identifier);
            if (active >= (ssn ? 1 : 2)) {
                return ssn ? ResponseDetail.SSN_ACTIVE_LIMIT : ResponseDetail.PHONE_ACTIVE_LIMIT;
            }
            long lifetime = count("lanyardLifetimeWithIdentifier", accountId, identifier);
            if (lifetime >= (ssn ? 3 : 10)) {
                return ssn ? ResponseDetail.SSN_LIFETIME_LIMIT : ResponseDetail.PHONE_LIFETIME_LIMIT;
            }
        }
        return null;
    }

    private long count(String query, String accountId, Identifier identifier) {
        return em.createNamedQuery(query, Long.class).setParameter("realmId", realmId).setParameter("program", program)
                .setParameter("kind", identifier.kind()).setParameter("hash", identifier.hash()).setParameter("accountId", accountId)
                .getSingleResult();
    }
}
