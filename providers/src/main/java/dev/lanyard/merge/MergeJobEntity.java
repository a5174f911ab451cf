package dev.lanyard.merge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A duplicate-account merge: the person kept and who asked for it; its people are {@link MergePersonEntity} rows. */
@Entity
@Table(name = "LANYARD_MERGE_JOB")
@NamedQueries({
        @NamedQuery(name = "lanyardDeleteMergeJobsOfRealm", query = "delete from MergeJobEntity j where j.realmId = :realmId")
})
public class MergeJobEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "KEPT_USER_ID", length = 36, nullable = false)
    private String keptUserId;

    @Column(name = "REQUESTED_BY", length = 255)
    private String requestedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

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

    public String getKeptUserId() {
        return keptUserId;
    }

    public void setKeptUserId(String keptUserId) {
        this.keptUserId = keptUserId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public void setRequestedBy(String requestedBy) {
        this.requestedBy = requestedBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
