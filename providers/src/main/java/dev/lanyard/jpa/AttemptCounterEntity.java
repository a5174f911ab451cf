package dev.lanyard.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One counted subject ({@link AttemptCounters}): tries since {@code windowStart}. */
@Entity
@Table(name = "LANYARD_ATTEMPT_COUNTER")
@NamedQueries({
        // Both assignments read the row's old values (SQL evaluates every SET expression before it assigns).
        @NamedQuery(name = "lanyardClaimAttempt", query = "update AttemptCounterEntity c"
                + " set c.attempts = case when c.windowStart < :cutoff then 1 else c.attempts + 1 end,"
                + " c.windowStart = case when c.windowStart < :cutoff then :now else c.windowStart end"
                + " where c.realmId = :realmId and c.name = :name and c.subject = :subject"
                + " and (c.windowStart < :cutoff or c.attempts < :limit)"),
        @NamedQuery(name = "lanyardCountAttempts", query = "select c.attempts from AttemptCounterEntity c"
                + " where c.realmId = :realmId and c.name = :name and c.subject = :subject and c.windowStart >= :cutoff"),
        @NamedQuery(name = "lanyardResetAttempts", query = "delete from AttemptCounterEntity c"
                + " where c.realmId = :realmId and c.name = :name and c.subject = :subject"),
        @NamedQuery(name = "lanyardDeleteAttemptsOfRealm", query = "delete from AttemptCounterEntity c where c.realmId = :realmId")
})
public class AttemptCounterEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "NAME", length = 64, nullable = false)
    private String name;

    @Column(name = "SUBJECT", length = 255, nullable = false)
    private String subject;

    @Column(name = "WINDOW_START", nullable = false)
    private long windowStart;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public long getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(long windowStart) {
        this.windowStart = windowStart;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }
}
