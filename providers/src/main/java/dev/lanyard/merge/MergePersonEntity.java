package dev.lanyard.merge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One person merged away by a job, and how it went. A person is merged away once, ever: the unique key on realm and
 * user makes a second job that names them lose at insert, whichever node it runs on.
 */
@Entity
@Table(name = "LANYARD_MERGE_PERSON")
@NamedQueries({
        @NamedQuery(name = "lanyardMergePeopleOfJob",
                query = "select p from MergePersonEntity p where p.jobId = :jobId order by p.position"),
        @NamedQuery(name = "lanyardPendingMergeIds",
                query = "select p.id from MergePersonEntity p where p.outcome = 'PENDING' order by p.createdAt, p.position"),
        @NamedQuery(name = "lanyardPendingMergesByIds",
                query = "select p from MergePersonEntity p where p.id in :ids and p.outcome = 'PENDING'"),
        @NamedQuery(name = "lanyardMergedBefore",
                query = "select p from MergePersonEntity p where p.outcome = 'MERGED' and p.processedAt < :before order by p.processedAt"),
        @NamedQuery(name = "lanyardDeleteMergePeopleOfRealm", query = "delete from MergePersonEntity p where p.realmId = :realmId")
})
public class MergePersonEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "JOB_ID", length = 36, nullable = false)
    private String jobId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    /** PENDING, MERGED, FAILED, or DELETED (merged, then removed after the retention). */
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    /** What was moved (counts by kind), or why it failed; never a value. */
    @Column(name = "DETAIL", length = 1024)
    private String detail;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "PROCESSED_AT")
    private Long processedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getProcessedAt() {
        return processedAt;
    }

    public void setProcessedAt(Long processedAt) {
        this.processedAt = processedAt;
    }
}
