package dev.lanyard.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row per SSN or phone hash and program, locked (SELECT ... FOR UPDATE) while a request checks and changes the
 * accounts holding it: two partners opening the second active account for one SSN at once are served one after the
 * other, so exactly one wins.
 */
@Entity
@Table(name = "LANYARD_IDENTIFIER_LOCK")
@NamedQueries({
        @NamedQuery(name = "lanyardDeleteIdentifierLocksOfRealm", query = "delete from IdentifierLockEntity l where l.realmId = :realmId")
})
public class IdentifierLockEntity {

    /** realm id, program, kind and hash, joined. */
    @Id
    @Column(name = "ID", length = 255)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

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
}
