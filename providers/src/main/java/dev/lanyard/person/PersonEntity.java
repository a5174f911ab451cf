package dev.lanyard.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Seed 003's side of a Keycloak user: the seed's {@code uuid} (unique per realm by the table's key; null means the
 * Keycloak id stands in), the last sign-in and when the account was closed. Kept here, not as user attributes:
 * attribute search lower-cases values and skips the index, and a sign-in should not rewrite the user.
 */
@Entity
@Table(name = "LANYARD_PERSON")
@NamedQueries({
        @NamedQuery(name = "lanyardPersonByUuid", query = "select p from PersonEntity p where p.realmId = :realmId and p.uuid = :uuid"),
        @NamedQuery(name = "lanyardHoldersOfUuids",
                query = "select p.uuid, p.userId from PersonEntity p where p.realmId = :realmId and p.uuid in :uuids"),
        @NamedQuery(name = "lanyardSignedIn", query = "update PersonEntity p set p.lastSignInAt = :at where p.userId = :userId"),
        @NamedQuery(name = "lanyardDeletePersonsOfRealm", query = "delete from PersonEntity p where p.realmId = :realmId")
})
public class PersonEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "UUID", length = 255)
    private String uuid;

    @Column(name = "LAST_SIGN_IN_AT")
    private Long lastSignInAt;

    @Column(name = "CLOSED_AT")
    private Long closedAt;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public Long getLastSignInAt() {
        return lastSignInAt;
    }

    public void setLastSignInAt(Long lastSignInAt) {
        this.lastSignInAt = lastSignInAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Long closedAt) {
        this.closedAt = closedAt;
    }
}
