package dev.lanyard.revalidation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One person of a revalidation batch and its outcome: PENDING, then DONE with a {@code result}
 * (CLEAR, POTENTIAL_MATCH, SYNCED) or FAILED with a {@code reason} code. A person is named by
 * Keycloak user id or by username, as submitted; {@code userId} is filled in once found.
 */
@Entity
@Table(name = "LANYARD_REVALIDATION_ITEM")
@NamedQueries({
        // Ids first from the queue index, then only those rows locked (as migration records: see there).
        @NamedQuery(name = "lanyardPendingRevalidationItemIds",
                query = "select i.id from RevalidationItemEntity i where i.state = 'PENDING'"
                        + " order by i.state, i.queuedAt, i.batchRef, i.seq"),
        @NamedQuery(name = "lanyardPendingRevalidationItemsByIds",
                query = "select i from RevalidationItemEntity i where i.id in :ids and i.state = 'PENDING'"
                        + " order by i.queuedAt, i.batchRef, i.seq"),
        @NamedQuery(name = "lanyardRevalidationItemCounts",
                query = "select i.state, i.result, count(i) from RevalidationItemEntity i where i.batchRef = :batchRef"
                        + " group by i.state, i.result"),
        @NamedQuery(name = "lanyardRevalidationItemsNeedingAttention",
                query = "select i from RevalidationItemEntity i where i.batchRef = :batchRef"
                        + " and (i.state = 'FAILED' or i.result = 'POTENTIAL_MATCH') order by i.seq"),
        @NamedQuery(name = "lanyardRevalidationLastProcessed",
                query = "select max(i.processedAt) from RevalidationItemEntity i where i.batchRef = :batchRef"),
        @NamedQuery(name = "lanyardDeleteRevalidationItemsOfRealm",
                query = "delete from RevalidationItemEntity i where i.realmId = :realmId")
})
public class RevalidationItemEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_REF", length = 36, nullable = false)
    private String batchRef;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Position in the batch: the order people were submitted in (or user id order for all users). */
    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "USERNAME", length = 255)
    private String username;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "RESULT", length = 32)
    private String result;

    @Column(name = "REASON", length = 64)
    private String reason;

    @Column(name = "MESSAGE", length = 255)
    private String message;

    @Column(name = "QUEUED_AT", nullable = false)
    private long queuedAt;

    @Column(name = "PROCESSED_AT")
    private Long processedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getBatchRef() {
        return batchRef;
    }

    public void setBatchRef(String batchRef) {
        this.batchRef = batchRef;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public int getSeq() {
        return seq;
    }

    public void setSeq(int seq) {
        this.seq = seq;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public long getQueuedAt() {
        return queuedAt;
    }

    public void setQueuedAt(long queuedAt) {
        this.queuedAt = queuedAt;
    }

    public Long getProcessedAt() {
        return processedAt;
    }

    public void setProcessedAt(Long processedAt) {
        this.processedAt = processedAt;
    }
}
