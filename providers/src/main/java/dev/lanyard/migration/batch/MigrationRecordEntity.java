package dev.lanyard.migration.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One person of a batch and what became of them. The submitted person (with its legacy hash) is
 * kept in {@code payload} only while the record may still be processed (PENDING, FAILED); it is
 * cleared once the person is migrated or found to exist already.
 */
@Entity
@Table(name = "LANYARD_MIGRATION_RECORD")
@NamedQueries({
        // Ids first (read from the queue index alone), then only those rows locked: a locking query over every
        // pending record made H2 read all of them, payloads included (100,000 of them outgrew a 512 MiB heap).
        // The order starts with the (constant) state so that H2 walks the index (STATE, QUEUED_AT, BATCH_REF, SEQ)
        // in order and stops at the limit; ordered by the other three alone, it sorted every pending id per chunk.
        @NamedQuery(name = "lanyardPendingRecordIds",
                query = "select r.id from MigrationRecordEntity r where r.state = 'PENDING'"
                        + " order by r.state, r.queuedAt, r.batchRef, r.seq"),
        // The same, of one part of the queue: the worker's threads take records of different parts, so never wait for each other.
        @NamedQuery(name = "lanyardPendingRecordIdsOfPart",
                query = "select r.id from MigrationRecordEntity r where r.state = 'PENDING' and mod(r.seq, :parts) = :part"
                        + " order by r.state, r.queuedAt, r.batchRef, r.seq"),
        @NamedQuery(name = "lanyardPendingRecordsByIds",
                query = "select r from MigrationRecordEntity r where r.id in :ids and r.state = 'PENDING'"
                        + " order by r.queuedAt, r.batchRef, r.seq"),
        @NamedQuery(name = "lanyardRecordCounts",
                query = "select r.state, count(r) from MigrationRecordEntity r where r.batchRef = :batchRef group by r.state"),
        @NamedQuery(name = "lanyardFailedRecords",
                query = "select r from MigrationRecordEntity r where r.batchRef = :batchRef and r.state = 'FAILED' order by r.seq"),
        @NamedQuery(name = "lanyardRequeueFailed",
                query = "update MigrationRecordEntity r set r.state = 'PENDING', r.queuedAt = :now, r.reason = null, r.message = null"
                        + " where r.batchRef = :batchRef and r.state = 'FAILED'"),
        @NamedQuery(name = "lanyardDeleteRecordsOfRealm", query = "delete from MigrationRecordEntity r where r.realmId = :realmId")
})
public class MigrationRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_REF", length = 36, nullable = false)
    private String batchRef;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Position in the submitted {@code users} array, so a partner can find the entry a reason is about. */
    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "USERNAME", length = 255)
    private String username;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "REASON", length = 64)
    private String reason;

    @Column(name = "MESSAGE", length = 255)
    private String message;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "PAYLOAD")
    private String payload;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    /** When the record was (re)queued: pending records are processed oldest first. */
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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
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
