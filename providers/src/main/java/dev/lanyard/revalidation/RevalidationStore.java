package dev.lanyard.revalidation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.lanyard.jpa.JobQueues;
import dev.lanyard.metrics.LanyardMetrics;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Revalidation batches and their items in Lanyard's tables, through the session's entity manager (its transaction). */
final class RevalidationStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    /** Inserts go to the database every this many items (the request's Keycloak entities stay attached). */
    private static final int FLUSH_EVERY = 500;

    private final KeycloakSession session;
    private final EntityManager em;

    RevalidationStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    Optional<RevalidationBatchEntity> find(String realmId, String batchId) {
        RevalidationBatchEntity batch = em.find(RevalidationBatchEntity.class, batchId);
        return batch != null && batch.getRealmId().equals(realmId) ? Optional.of(batch) : Optional.empty();
    }

    /**
     * Stores a batch; with {@code people} (each {userId, username}, one of them null) its items too,
     * else (all users) it is PREPARING and the worker adds them.
     */
    RevalidationBatchEntity create(String realmId, CallType type, String programCode, String submittedBy, List<String[]> people) {
        RevalidationBatchEntity batch = new RevalidationBatchEntity();
        batch.setId(KeycloakModelUtils.generateId());
        batch.setRealmId(realmId);
        batch.setCallType(type.name());
        batch.setProgramCode(programCode);
        batch.setAllUsers(people == null);
        batch.setState(people == null ? RevalidationBatchEntity.PREPARING : RevalidationBatchEntity.RUNNING);
        batch.setSubmittedBy(submittedBy);
        batch.setSubmittedAt(Time.currentTimeMillis());
        batch.setTotal(people == null ? 0 : people.size());
        em.persist(batch);
        if (people != null) {
            for (int i = 0; i < people.size(); i++) {
                addItem(batch, i, people.get(i)[0], people.get(i)[1]);
            }
            em.flush();
        }
        return batch;
    }

    private void addItem(RevalidationBatchEntity batch, int seq, String userId, String username) {
        RevalidationItemEntity item = new RevalidationItemEntity();
        item.setId(KeycloakModelUtils.generateId());
        item.setBatchRef(batch.getId());
        item.setRealmId(batch.getRealmId());
        item.setSeq(seq);
        item.setUserId(userId);
        item.setUsername(username);
        item.setState(PENDING);
        item.setQueuedAt(batch.getSubmittedAt());
        em.persist(item);
        if ((seq + 1) % FLUSH_EVERY == 0) {
            em.flush();
        }
    }

    /**
     * Adds the next page of the oldest PREPARING batch's users (Keycloak's own, service accounts
     * left out), the batch row locked meanwhile so two nodes never add the same page. Returns
     * whether there was a batch to prepare.
     */
    boolean prepareNextPage(int pageSize) {
        Optional<RevalidationBatchEntity> preparing = em.createNamedQuery("lanyardRevalidationBatchesPreparing", RevalidationBatchEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultStream().findFirst();
        if (preparing.isEmpty()) {
            return false;
        }
        RevalidationBatchEntity batch = preparing.get();
        List<String> userIds = em.createNamedQuery("lanyardRealmUserIdsAfter", String.class)
                .setParameter("realmId", batch.getRealmId())
                .setParameter("after", batch.getCursor() == null ? "" : batch.getCursor())
                .setMaxResults(pageSize).getResultList();
        for (String userId : userIds) {
            addItem(batch, batch.getTotal(), userId, null);
            batch.setTotal(batch.getTotal() + 1);
        }
        if (!userIds.isEmpty()) {
            batch.setCursor(userIds.get(userIds.size() - 1));
        }
        if (userIds.size() < pageSize) {
            batch.setState(RevalidationBatchEntity.RUNNING);
        }
        return true;
    }

    /** The oldest pending items, locked (SELECT ... FOR UPDATE) until this transaction ends. */
    List<RevalidationItemEntity> lockPending(int max) {
        return JobQueues.lockOldestPending(em, "lanyardPendingRevalidationItemIds", "lanyardPendingRevalidationItemsByIds",
                RevalidationItemEntity.class, max);
    }

    Optional<RevalidationItemEntity> lockIfPending(String itemId) {
        RevalidationItemEntity item = em.find(RevalidationItemEntity.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        return item != null && PENDING.equals(item.getState()) ? Optional.of(item) : Optional.empty();
    }

    RevalidationBatchEntity batchOf(RevalidationItemEntity item) {
        return em.find(RevalidationBatchEntity.class, item.getBatchRef());
    }

    void done(RevalidationItemEntity item, String userId, String result) {
        item.setState(DONE);
        item.setUserId(userId);
        item.setResult(result);
        item.setProcessedAt(Time.currentTimeMillis());
        LanyardMetrics.countAfterCommit(session, LanyardMetrics.REVALIDATIONS, "state", DONE, "result", String.valueOf(result));
    }

    void failed(RevalidationItemEntity item, String reason, String message) {
        item.setState(FAILED);
        item.setReason(reason);
        item.setMessage(message == null || message.length() <= 255 ? message : message.substring(0, 255));
        item.setProcessedAt(Time.currentTimeMillis());
        LanyardMetrics.countAfterCommit(session, LanyardMetrics.REVALIDATIONS, "state", FAILED, "result", "none");
    }

    /** A batch's items by state (PENDING, DONE, FAILED) and, of the done ones, by result (CLEAR, SYNCED, ...). */
    record Counts(Map<String, Long> states, Map<String, Long> results) {
    }

    Counts counts(RevalidationBatchEntity batch) {
        Map<String, Long> states = new LinkedHashMap<>();
        Map<String, Long> results = new LinkedHashMap<>();
        for (String state : List.of(PENDING, DONE, FAILED)) {
            states.put(state, 0L);
        }
        for (Object[] row : em.createNamedQuery("lanyardRevalidationItemCounts", Object[].class)
                .setParameter("batchRef", batch.getId()).getResultList()) {
            states.merge((String) row[0], (Long) row[2], Long::sum);
            if (row[1] != null) {
                results.merge((String) row[1], (Long) row[2], Long::sum);
            }
        }
        return new Counts(states, results);
    }

    /** The failed items and the potential matches, which an admin has to look at, in batch order. */
    List<RevalidationItemEntity> needingAttention(RevalidationBatchEntity batch, int first, int max) {
        return em.createNamedQuery("lanyardRevalidationItemsNeedingAttention", RevalidationItemEntity.class)
                .setParameter("batchRef", batch.getId()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    Optional<Long> lastProcessedAt(RevalidationBatchEntity batch) {
        return Optional.ofNullable(em.createNamedQuery("lanyardRevalidationLastProcessed", Long.class)
                .setParameter("batchRef", batch.getId()).getSingleResult());
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteRevalidationItemsOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("lanyardDeleteRevalidationBatchesOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
