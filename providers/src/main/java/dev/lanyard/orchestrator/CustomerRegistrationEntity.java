package dev.lanyard.orchestrator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Seed 002's {@code CustomerRegistrationId} of a person ("unique identifier for the user in the authentication
 * provider"), unique per realm by the table's constraint, with the encrypted form the partner sent and the source
 * system that created it. Kept here, not as a user attribute: Keycloak's attribute search lower-cases values and
 * skips the index, and could not make "exists" exact.
 */
@Entity
@Table(name = "LANYARD_CUSTOMER_REGISTRATION")
@NamedQueries({
        @NamedQuery(name = "lanyardCustomerRegistrationById",
                query = "select r from CustomerRegistrationEntity r where r.realmId = :realmId and r.customerRegistrationId = :registrationId"),
        @NamedQuery(name = "lanyardDeleteCustomerRegistrationOfUser",
                query = "delete from CustomerRegistrationEntity r where r.realmId = :realmId and r.userId = :userId"),
        @NamedQuery(name = "lanyardDeleteCustomerRegistrationsOfRealm",
                query = "delete from CustomerRegistrationEntity r where r.realmId = :realmId")
})
public class CustomerRegistrationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CUSTOMER_REGISTRATION_ID", length = 255, nullable = false)
    private String customerRegistrationId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ENCRYPTED_ID", length = 1024)
    private String encryptedId;

    @Column(name = "SOURCE_SYSTEM", length = 64, nullable = false)
    private String sourceSystem;

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

    public String getCustomerRegistrationId() {
        return customerRegistrationId;
    }

    public void setCustomerRegistrationId(String customerRegistrationId) {
        this.customerRegistrationId = customerRegistrationId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEncryptedId() {
        return encryptedId;
    }

    public void setEncryptedId(String encryptedId) {
        this.encryptedId = encryptedId;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public void setSourceSystem(String sourceSystem) {
        this.sourceSystem = sourceSystem;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
