package dev.lanyard.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One screening of a person against one version of the SDN list: the best match (or none), its
 * score, and its status: CLEAR, POTENTIAL_MATCH until an admin resolves it as CONFIRMED or
 * FALSE_POSITIVE. Kept for the compliance trail; never deleted with the person.
 */
@Entity
@Table(name = "LANYARD_SCREENING")
@NamedQueries({
        @NamedQuery(name = "lanyardScreeningsOfUser",
                query = "select s from ScreeningEntity s where s.realmId = :realmId and s.userId = :userId order by s.createdAt desc, s.id desc"),
        @NamedQuery(name = "lanyardOpenScreeningsOfUser",
                query = "select s from ScreeningEntity s where s.realmId = :realmId and s.userId = :userId and s.status = 'POTENTIAL_MATCH'"),
        @NamedQuery(name = "lanyardDecidedScreeningsOfUser",
                query = "select s from ScreeningEntity s where s.realmId = :realmId and s.userId = :userId"
                        + " and s.status in ('FALSE_POSITIVE', 'CONFIRMED')"
                        + " and s.entryNumber = :entryNumber and s.screenedName = :screenedName and s.matchedName = :matchedName"
                        + " order by s.createdAt desc, s.id desc"),
        @NamedQuery(name = "lanyardScreeningsOfRealmDelete",
                query = "delete from ScreeningEntity s where s.realmId = :realmId")
})
public class ScreeningEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "USERNAME", length = 255)
    private String username;

    @Column(name = "SCREENED_NAME", length = 512)
    private String screenedName;

    @Column(name = "LIST_VERSION", length = 255)
    private String listVersion;

    @Column(name = "SCORE", nullable = false)
    private double score;

    @Column(name = "ENTRY_NUMBER")
    private Integer entryNumber;

    @Column(name = "MATCHED_NAME", length = 512)
    private String matchedName;

    @Column(name = "ENTRY_NAME", length = 512)
    private String entryName;

    @Column(name = "PROGRAMS", length = 255)
    private String programs;

    @Column(name = "STATUS", length = 20)
    private String status;

    @Column(name = "SCREENING_TRIGGER", length = 32)
    private String trigger;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "RESOLVED_BY", length = 255)
    private String resolvedBy;

    @Column(name = "RESOLVED_AT")
    private Long resolvedAt;

    @Column(name = "NOTE", length = 1000)
    private String note;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
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

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getScreenedName() {
        return screenedName;
    }

    public void setScreenedName(String screenedName) {
        this.screenedName = screenedName;
    }

    public String getListVersion() {
        return listVersion;
    }

    public void setListVersion(String listVersion) {
        this.listVersion = listVersion;
    }

    public double getScore() {
        return score;
    }

    public void setScore(double score) {
        this.score = score;
    }

    public Integer getEntryNumber() {
        return entryNumber;
    }

    public void setEntryNumber(Integer entryNumber) {
        this.entryNumber = entryNumber;
    }

    public String getMatchedName() {
        return matchedName;
    }

    public void setMatchedName(String matchedName) {
        this.matchedName = matchedName;
    }

    public String getEntryName() {
        return entryName;
    }

    public void setEntryName(String entryName) {
        this.entryName = entryName;
    }

    public String getPrograms() {
        return programs;
    }

    public void setPrograms(String programs) {
        this.programs = programs;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public void setResolvedBy(String resolvedBy) {
        this.resolvedBy = resolvedBy;
    }

    public Long getResolvedAt() {
        return resolvedAt;
    }

    public void setResolvedAt(Long resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
