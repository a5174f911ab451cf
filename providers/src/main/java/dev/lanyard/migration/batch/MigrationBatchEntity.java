package dev.lanyard.migration.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One submitted migration batch of a realm. {@code batchId} is the partner's own id
 * (seed 000's {@code migrationBatchId}), unique per realm, so a batch is never imported twice.
 */
@Entity
@Table(name = "LANYARD_MIGRATION_BATCH")
@NamedQueries({
        @NamedQuery(name = "lanyardBatchByBatchId",
                query = "select b from MigrationBatchEntity b where b.realmId = :realmId and b.batchId = :batchId"),
        @NamedQuery(name = "lanyardBatchesOfRealm", query = "select b from MigrationBatchEntity b where b.realmId = :realmId"),
        @NamedQuery(name = "lanyardDeleteBatchesOfRealm", query = "delete from MigrationBatchEntity b where b.realmId = :realmId")
})
public class MigrationBatchEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "BATCH_ID", length = 64, nullable = false)
    private String batchId;

    /** The clientId of the partner that submitted it. */
    @Column(name = "SUBMITTED_BY", length = 255)
    private String submittedBy;

    @Column(name = "SUBMITTED_AT", nullable = false)
    private long submittedAt;

    @Column(name = "TOTAL", nullable = false)
    private int total;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public long getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(long submittedAt) {
        this.submittedAt = submittedAt;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }
}
