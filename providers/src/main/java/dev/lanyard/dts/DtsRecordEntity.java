package dev.lanyard.dts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A DTS user-details record of a Keycloak user: its JSON document, its version, and the DTS token sealed with a realm key. */
@Entity
@Table(name = "LANYARD_DTS_RECORD")
@NamedQueries({
        // The update only happens on the version the writer read: of two writers of one version, exactly one changes a row.
        @NamedQuery(name = "lanyardUpdateDtsRecord", query = "update DtsRecordEntity r set r.details = :details, r.tokenSealed = :token,"
                + " r.version = r.version + 1, r.updatedAt = :now where r.id = :id and r.realmId = :realmId and r.version = :version"),
        @NamedQuery(name = "lanyardDeleteDtsRecordsOfUser", query = "delete from DtsRecordEntity r where r.userId = :userId"),
        @NamedQuery(name = "lanyardDeleteDtsRecordsOfRealm", query = "delete from DtsRecordEntity r where r.realmId = :realmId")
})
public class DtsRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Lob
    @Column(name = "DETAILS", nullable = false)
    private String details;

    @Lob
    @Column(name = "TOKEN_SEALED")
    private String tokenSealed;

    @Column(name = "VERSION", nullable = false)
    private int version;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getTokenSealed() {
        return tokenSealed;
    }

    public void setTokenSealed(String tokenSealed) {
        this.tokenSealed = tokenSealed;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
