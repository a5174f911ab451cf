package dev.lanyard.migration.batch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.audit.Redaction;
import dev.lanyard.jpa.JobQueues;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Batches and their records in Lanyard's tables, through the session's entity manager (its transaction). */
final class MigrationBatchStore {

    /**
     * Inserts go to the database every this many records. The persistence context is not cleared:
     * it also holds the request's Keycloak entities (realm, client), which must stay attached.
     */
    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;

    MigrationBatchStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    Optional<MigrationBatchEntity> find(String realmId, String batchId) {
        return em.createNamedQuery("lanyardBatchByBatchId", MigrationBatchEntity.class)
                .setParameter("realmId", realmId).setParameter("batchId", batchId)
                .getResultStream().findFirst();
    }

    /** Stores the batch and one PENDING record per entry; flushed, so a duplicate batch id fails here. */
    MigrationBatchEntity create(String realmId, String batchId, String submittedBy, List<JsonNode> users) {
        long now = Time.currentTimeMillis();
        MigrationBatchEntity batch = new MigrationBatchEntity();
        batch.setId(KeycloakModelUtils.generateId());
        batch.setRealmId(realmId);
        batch.setBatchId(batchId);
        batch.setSubmittedBy(submittedBy);
        batch.setSubmittedAt(now);
        batch.setTotal(users.size());
        em.persist(batch);
        em.flush();
        for (int i = 0; i < users.size(); i++) {
            MigrationRecordEntity record = new MigrationRecordEntity();
            record.setId(KeycloakModelUtils.generateId());
            record.setBatchRef(batch.getId());
            record.setRealmId(realmId);
            record.setSeq(i);
            record.setUsername(SubmittedPerson.usernameOf(users.get(i)));
            record.setState(RecordState.PENDING.name());
            record.setPayload(storable(users.get(i)).toString());
            record.setQueuedAt(now);
            em.persist(record);
            if ((i + 1) % FLUSH_EVERY == 0) {
                em.flush();
            }
        }
        em.flush();
        return batch;
    }

    /**
     * The entry as it may be stored: a plain password (seed 003 sends null) is masked before it reaches
     * the table; the record still fails with PLAIN_PASSWORD_REFUSED, but the password is not kept.
     */
    static JsonNode storable(JsonNode entry) {
        JsonNode password = entry.get("password");
        if (password == null || password.isNull() || !entry.isObject()) {
            return entry;
        }
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.put("password", Redaction.MASK);
        return copy;
    }

    /**
     * The oldest pending records, locked (SELECT ... FOR UPDATE) until this transaction ends: a
     * second node that reaches for the same rows waits, then finds them no longer PENDING.
     */
    List<MigrationRecordEntity> lockPending(int max) {
        return JobQueues.lockOldestPending(em, "lanyardPendingRecordIds", "lanyardPendingRecordsByIds", MigrationRecordEntity.class, max);
    }

    /**
     * As {@link #lockPending}, of part {@code part} of {@code parts} of the queue (records whose position in their batch
     * leaves that remainder): threads that take different parts never reach for the same rows.
     */
    List<MigrationRecordEntity> lockPending(int max, int part, int parts) {
        if (parts == 1) {
            return lockPending(max);
        }
        return JobQueues.lockOldestPending(em, "lanyardPendingRecordIdsOfPart", Map.of("part", part, "parts", parts),
                "lanyardPendingRecordsByIds", MigrationRecordEntity.class, max);
    }

    /** The record, locked, if it is still pending. */
    Optional<MigrationRecordEntity> lockIfPending(String recordId) {
        MigrationRecordEntity record = em.find(MigrationRecordEntity.class, recordId, LockModeType.PESSIMISTIC_WRITE);
        return record != null && RecordState.PENDING.name().equals(record.getState()) ? Optional.of(record) : Optional.empty();
    }

    void complete(MigrationRecordEntity record, Outcome outcome) {
        record.setState(outcome.state().name());
        record.setReason(outcome.reason());
        record.setMessage(outcome.message());
        record.setUserId(outcome.userId());
        record.setAttempts(record.getAttempts() + 1);
        record.setProcessedAt(Time.currentTimeMillis());
        if (outcome.state() != RecordState.FAILED) {
            // Only a failed record may be retried; the others need the submitted person (and its hash) no more.
            record.setPayload(null);
        }
    }

    Map<RecordState, Long> counts(MigrationBatchEntity batch) {
        Map<RecordState, Long> counts = new EnumMap<>(RecordState.class);
        for (RecordState state : RecordState.values()) {
            counts.put(state, 0L);
        }
        for (Object[] row : em.createNamedQuery("lanyardRecordCounts", Object[].class)
                .setParameter("batchRef", batch.getId()).getResultList()) {
            counts.put(RecordState.valueOf((String) row[0]), (Long) row[1]);
        }
        return counts;
    }

    List<MigrationRecordEntity> failed(MigrationBatchEntity batch, int first, int max) {
        return em.createNamedQuery("lanyardFailedRecords", MigrationRecordEntity.class)
                .setParameter("batchRef", batch.getId())
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    /** Puts the batch's FAILED records back in the queue; the others are never touched again. */
    int requeueFailed(MigrationBatchEntity batch) {
        return em.createNamedQuery("lanyardRequeueFailed")
                .setParameter("batchRef", batch.getId()).setParameter("now", Time.currentTimeMillis())
                .executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteRecordsOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("lanyardDeleteBatchesOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
