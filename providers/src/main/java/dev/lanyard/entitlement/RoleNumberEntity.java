package dev.lanyard.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The seed's numeric id of a seed role or an entitlement ({@link RoleNumbers}): unique per realm and kind, one per
 * Keycloak role, never reused (a deleted role's row stays).
 */
@Entity
@Table(name = "LANYARD_ROLE_NUMBER")
@NamedQueries({
        @NamedQuery(name = "lanyardRoleNumbersOfRealm", query = "select n from RoleNumberEntity n where n.realmId = :realmId"),
        @NamedQuery(name = "lanyardRoleNumberOfRole", query = "select n from RoleNumberEntity n where n.roleId = :roleId"),
        @NamedQuery(name = "lanyardHighestRoleNumber", query = "select max(n.number) from RoleNumberEntity n"
                + " where n.realmId = :realmId and n.kind = :kind"),
        @NamedQuery(name = "lanyardRoleNumberTaken", query = "select count(n) from RoleNumberEntity n"
                + " where n.realmId = :realmId and n.kind = :kind and n.number = :number"),
        @NamedQuery(name = "lanyardDeleteRoleNumbersOfRealm", query = "delete from RoleNumberEntity n where n.realmId = :realmId")
})
public class RoleNumberEntity {

    @Id
    @Column(name = "ROLE_ID", length = 36)
    private String roleId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** {@link RoleNumbers#ROLE} or {@link RoleNumbers#ENTITLEMENT}: the seed numbers each on its own (role 3, entitlement 3). */
    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "NUM", nullable = false)
    private long number;

    /** When Lanyard numbered the role: its created date when Keycloak has none. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getRoleId() {
        return roleId;
    }

    public void setRoleId(String roleId) {
        this.roleId = roleId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public long getNumber() {
        return number;
    }

    public void setNumber(long number) {
        this.number = number;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
