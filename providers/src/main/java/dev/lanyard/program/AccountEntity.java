package dev.lanyard.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A seed 004 account of a program: pending, active, locked or closed; whether KYC is completed (identities then freeze). */
@Entity
@Table(name = "LANYARD_ACCOUNT")
@NamedQueries({
        @NamedQuery(name = "lanyardDeleteAccountsOfRealm", query = "delete from AccountEntity a where a.realmId = :realmId")
})
public class AccountEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PROGRAM_CODE", length = 64, nullable = false)
    private String programCode;

    @Column(name = "PRODUCT_CODE", length = 64)
    private String productCode;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "KYC_COMPLETED", nullable = false)
    private boolean kycCompleted;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "ACTIVATED_AT")
    private Long activatedAt;

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

    public String getProgramCode() {
        return programCode;
    }

    public void setProgramCode(String programCode) {
        this.programCode = programCode;
    }

    public String getProductCode() {
        return productCode;
    }

    public void setProductCode(String productCode) {
        this.productCode = productCode;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isKycCompleted() {
        return kycCompleted;
    }

    public void setKycCompleted(boolean kycCompleted) {
        this.kycCompleted = kycCompleted;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(Long activatedAt) {
        this.activatedAt = activatedAt;
    }
}
