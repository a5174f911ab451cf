package dev.lanyard.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user of an account (the Keycloak user id) and the seed 004 profile parts Keycloak has no place for: addresses,
 * phones, terms, dates (JSON, no identity in it); the identity (SSN, date of birth) only as a JWE sealed with the
 * realm's AES key, a keyed hash of the SSN for the limits, and its last four for display.
 */
@Entity
@Table(name = "LANYARD_ACCOUNT_USER")
@IdClass(AccountUserEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = "lanyardUsersOfAccount", query = "select u from AccountUserEntity u where u.accountId = :accountId order by u.createdAt"),
        @NamedQuery(name = "lanyardDeleteAccountUsersOfRealm", query = "delete from AccountUserEntity u where u.realmId = :realmId"),
        @NamedQuery(name = "lanyardDeleteAccountUsersOfUser", query = "delete from AccountUserEntity u where u.userId = :userId")
})
public class AccountUserEntity {

    @Id
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PEER_TRANSFER", length = 16, nullable = false)
    private String peerTransfer;

    @Lob
    @Column(name = "PROFILE")
    private String profile;

    @Lob
    @Column(name = "IDENTITY_JWE")
    private String identityJwe;

    @Column(name = "SSN_HASH", length = 128)
    private String ssnHash;

    @Column(name = "SSN_LAST4", length = 4)
    private String ssnLast4;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public static class Key implements java.io.Serializable {
        private String accountId;
        private String userId;

        public Key() {
        }

        public Key(String accountId, String userId) {
            this.accountId = accountId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(accountId, k.accountId) && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(accountId, userId);
        }
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

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

    public String getPeerTransfer() {
        return peerTransfer;
    }

    public void setPeerTransfer(String peerTransfer) {
        this.peerTransfer = peerTransfer;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getIdentityJwe() {
        return identityJwe;
    }

    public void setIdentityJwe(String identityJwe) {
        this.identityJwe = identityJwe;
    }

    public String getSsnHash() {
        return ssnHash;
    }

    public void setSsnHash(String ssnHash) {
        this.ssnHash = ssnHash;
    }

    public String getSsnLast4() {
        return ssnLast4;
    }

    public void setSsnLast4(String ssnLast4) {
        this.ssnLast4 = ssnLast4;
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
