package dev.lanyard.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One acceptance (or refusal) of a version of a site's terms, given at enrollment: who, which terms and version,
 * when the person accepted, when it was recorded, from which client and address. Never updated: a new acceptance is
 * a new row, so the history of what a person agreed to stays provable.
 */
@Entity
@Table(name = "LANYARD_CONSENT")
@NamedQueries({
        @NamedQuery(name = "lanyardConsentsOfUser",
                query = "select c from ConsentEntity c where c.realmId = :realmId and c.userId = :userId"
                        + " order by c.recordedAt, c.acceptedAt, c.termsIdentifier, c.termsVersion, c.id"),
        @NamedQuery(name = "lanyardDeleteConsentsOfUser",
                query = "delete from ConsentEntity c where c.realmId = :realmId and c.userId = :userId"),
        @NamedQuery(name = "lanyardDeleteConsentsOfRealm",
                query = "delete from ConsentEntity c where c.realmId = :realmId")
})
public class ConsentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "TERMS_IDENTIFIER", length = 100, nullable = false)
    private String termsIdentifier;

    @Column(name = "TERMS_VERSION", length = 50, nullable = false)
    private String termsVersion;

    @Column(name = "ACCEPTED", nullable = false)
    private boolean accepted;

    @Column(name = "ACCEPTED_AT", nullable = false)
    private long acceptedAt;

    @Column(name = "RECORDED_AT", nullable = false)
    private long recordedAt;

    @Column(name = "CLIENT_ID", length = 255, nullable = false)
    private String clientId;

    @Column(name = "SITE_ID", length = 255)
    private String siteId;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

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

    public String getTermsIdentifier() {
        return termsIdentifier;
    }

    public void setTermsIdentifier(String termsIdentifier) {
        this.termsIdentifier = termsIdentifier;
    }

    public String getTermsVersion() {
        return termsVersion;
    }

    public void setTermsVersion(String termsVersion) {
        this.termsVersion = termsVersion;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public void setAccepted(boolean accepted) {
        this.accepted = accepted;
    }

    public long getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(long acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public long getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(long recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }
}
