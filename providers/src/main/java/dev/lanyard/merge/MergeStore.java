package dev.lanyard.merge;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.lanyard.jpa.JobQueues;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Merge jobs and their people, through the session's entity manager (its transaction). */
final class MergeStore {

    static final String PENDING = "PENDING";
    static final String MERGED = "MERGED";
    static final String FAILED = "FAILED";
    static final String DELETED = "DELETED";

    private final EntityManager em;

    MergeStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The job and a PENDING row per person to merge away; flushed, so a person another job holds fails here (unique key). */
    MergeJobEntity create(String realmId, String keptUserId, List<String> others, String requestedBy) {
        long now = Time.currentTimeMillis();
        MergeJobEntity job = new MergeJobEntity();
        job.setId(KeycloakModelUtils.generateId());
        job.setRealmId(realmId);
        job.setKeptUserId(keptUserId);
        job.setRequestedBy(requestedBy);
        job.setCreatedAt(now);
        em.persist(job);
        int position = 0;
        for (String userId : others) {
            MergePersonEntity person = new MergePersonEntity();
            person.setId(KeycloakModelUtils.generateId());
            person.setJobId(job.getId());
            person.setRealmId(realmId);
            person.setUserId(userId);
            person.setPosition(position++);
            person.setOutcome(PENDING);
            person.setCreatedAt(now);
            em.persist(person);
        }
        em.flush();
        return job;
    }

    Optional<MergeJobEntity> job(String realmId, String jobId) {
        MergeJobEntity job = jobId == null || jobId.length() > 36 ? null : em.find(MergeJobEntity.class, jobId);
        return job != null && job.getRealmId().equals(realmId) ? Optional.of(job) : Optional.empty();
    }

    MergeJobEntity job(String jobId) {
        return em.find(MergeJobEntity.class, jobId);
    }

    List<MergePersonEntity> people(String jobId) {
        return em.createNamedQuery("lanyardMergePeopleOfJob", MergePersonEntity.class).setParameter("jobId", jobId).getResultList();
    }

    /** Whether the person is, or is being, merged away by any job. */
    boolean mergedAway(String realmId, String userId) {
        return !em.createQuery("select p.id from MergePersonEntity p where p.realmId = :realmId and p.userId = :userId", String.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The oldest pending person, locked until the transaction ends (another node waits, then finds it done). */
    Optional<MergePersonEntity> lockNextPending() {
        return JobQueues.lockOldestPending(em, "lanyardPendingMergeIds", "lanyardPendingMergesByIds", MergePersonEntity.class, 1)
                .stream().findFirst();
    }

    Optional<MergePersonEntity> lockIfPending(String id) {
        MergePersonEntity person = em.find(MergePersonEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        return person != null && PENDING.equals(person.getOutcome()) ? Optional.of(person) : Optional.empty();
    }

    /** The row, locked, if it is still MERGED (not deleted by another node meanwhile). */
    Optional<MergePersonEntity> lockMerged(String id) {
        MergePersonEntity person = em.find(MergePersonEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        return person != null && MERGED.equals(person.getOutcome()) ? Optional.of(person) : Optional.empty();
    }

    void finish(MergePersonEntity person, String outcome, String detail) {
        person.setOutcome(outcome);
        person.setDetail(detail == null ? null : detail.length() > 1024 ? detail.substring(0, 1024) : detail);
        person.setProcessedAt(Time.currentTimeMillis());
    }

    List<MergePersonEntity> mergedBefore(long before, int max) {
        return em.createNamedQuery("lanyardMergedBefore", MergePersonEntity.class).setParameter("before", before).setMaxResults(max)
                .getResultList();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteMergePeopleOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("lanyardDeleteMergeJobsOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
