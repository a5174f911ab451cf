package dev.lanyard.alias;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A login alias of a person. {@code aliasKey} is the normalised alias the unique index (realm, key) holds, so two
 * people can never hold one alias, whatever their timing: the database decides, not a read before the write.
 */
@Entity
@Table(name = "LANYARD_ALIAS")
@NamedQueries({
        @NamedQuery(name = "lanyardAliasByKey", query = "select a from AliasEntity a where a.realmId = :realmId and a.aliasKey = :aliasKey"),
        @NamedQuery(name = "lanyardAliasesOfUser",
                query = "select a from AliasEntity a where a.realmId = :realmId and a.userId = :userId order by a.createdAt, a.id"),
        @NamedQuery(name = "lanyardDeleteAliasesOfUser", query = "delete from AliasEntity a where a.realmId = :realmId and a.userId = :userId"),
        @NamedQuery(name = "lanyardDeleteAliasesOfRealm", query = "delete from AliasEntity a where a.realmId = :realmId")
})
public class AliasEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** As the person wrote it (shown back to them). */
    @Column(name = "ALIAS", length = 64, nullable = false)
    private String alias;

    /** As it is matched: {@link Aliases#normalize}. */
    @Column(name = "ALIAS_KEY", length = 64, nullable = false)
    private String aliasKey;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getAliasKey() {
        return aliasKey;
    }

    public void setAliasKey(String aliasKey) {
        this.aliasKey = aliasKey;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
