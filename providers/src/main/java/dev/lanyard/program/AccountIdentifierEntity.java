package dev.lanyard.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An SSN or phone number (as a keyed hash) an account has held, for seed 004's limits: {@code current} while the
 * account holds it, {@code activated} once the account was active with it (lifetime counts; never reset).
 */
@Entity
@Table(name = "LANYARD_ACCOUNT_IDENTIFIER")
@IdClass(AccountIdentifierEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = "lanyardIdentifiersOfAccount", query = "select i from AccountIdentifierEntity i where i.accountId = :accountId"),
        @NamedQuery(name = "lanyardActiveWithIdentifier", query = "select count(i) from AccountIdentifierEntity i, AccountEntity a"
                + " where a.id = i.accountId and a.status = 'active' and i.current = true and i.realmId = :realmId"
                + " and i.programCode = :program and i.kind = :kind and i.hash = :hash and i.accountId <> :accountId"),
        @NamedQuery(name = "lanyardLifetimeWithIdentifier", query = "select count(i) from AccountIdentifierEntity i"
                + " where i.activated = true and i.realmId = :realmId and i.programCode = :program and i.kind = :kind and i.hash = :hash"
                + " and i.accountId <> :accountId"),
        @NamedQuery(name = "lanyardDeleteIdentifiersOfRealm", query = "delete from AccountIdentifierEntity i where i.realmId = :realmId")
})
public class AccountIdentifierEntity {

    @Id
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Id
    @Column(name = "KIND", length = 8)
    private String kind;

    @Id
    @Column(name = "HASH", length = 64)
    private String hash;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PROGRAM_CODE", length = 64, nullable = false)
    private String programCode;

    @Column(name = "IS_CURRENT", nullable = false)
    private boolean current;

    @Column(name = "ACTIVATED", nullable = false)
    private boolean activated;

    public static class Key implements java.io.Serializable {
        private String accountId;
        private String kind;
        private String hash;

        public Key() {
        }

        public Key(String accountId, String kind, String hash) {
            this.accountId = accountId;
            this.kind = kind;
            this.hash = hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(accountId, k.accountId) && java.util.Objects.equals(kind, k.kind)
                    && java.util.Objects.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(accountId, kind, hash);
        }
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
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

    public boolean isCurrent() {
        return current;
    }

    public void setCurrent(boolean current) {
        this.current = current;
    }

    public boolean isActivated() {
        return activated;
    }

    public void setActivated(boolean activated) {
        this.activated = activated;
    }
}
