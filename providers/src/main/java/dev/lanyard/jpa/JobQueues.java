package dev.lanyard.jpa;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

/** What Lanyard's queues of job rows (migration records, revalidation items) share. */
public final class JobQueues {

    private JobQueues() {
    }

    /**
     * The oldest pending rows, locked (SELECT ... FOR UPDATE) until the transaction ends: the ids first, from
     * the queue index alone ({@code idsQuery}, limited to {@code max}), then only those rows, locked
     * ({@code rowsQuery}, parameter {@code ids}, which must still ask for the pending state). A locking query
     * over every pending row made H2 read them all, payloads included. A second node that reaches for the
     * same rows waits, then finds them no longer pending.
     */
    public static <T> List<T> lockOldestPending(EntityManager em, String idsQuery, String rowsQuery, Class<T> type, int max) {
        return lockOldestPending(em, idsQuery, Map.of(), rowsQuery, type, max);
    }

    /** As above, with {@code idsParameters} for the ids query (such as the part of the queue a worker thread takes). */
    public static <T> List<T> lockOldestPending(EntityManager em, String idsQuery, Map<String, Object> idsParameters, String rowsQuery,
                                                Class<T> type, int max) {
        TypedQuery<String> idsOf = em.createNamedQuery(idsQuery, String.class).setMaxResults(max);
        idsParameters.forEach(idsOf::setParameter);
        List<String> ids = idsOf.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(rowsQuery, type).setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
