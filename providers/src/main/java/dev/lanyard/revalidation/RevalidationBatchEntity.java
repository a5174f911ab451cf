package dev.lanyard.revalidation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One batch revalidation of a realm ({@code POST /user/internal/batch/re-validate}). A batch of
 * named people gets its items at submission; a batch of all the realm's users is PREPARING while
 * the worker adds its items page by page ({@code cursor}: the last user id added), then RUNNING.
 */
@Entity
@Table(name = "LANYARD_REVALIDATION_BATCH")
@NamedQueries({
        @NamedQuery(name = "lanyardRevalidationBatchesPreparing",
                query = "select b from RevalidationBatchEntity b where b.state = 'PREPARING' order by b.submittedAt"),
        @NamedQuery(name = "lanyardDeleteRevalidationBatchesOfRealm",
                query = "delete from RevalidationBatchEntity b where b.realmId = :realmId"),
        // Keycloak's own user table, in id order so that paging by "id after the cursor" sees every user once.
        @NamedQuery(name = "lanyardRealmUserIdsAfter",
                query = "select u.id from UserEntity u where u.realmId = :realmId and u.serviceAccountClientLink is null"
                        + " and u.id > :after order by u.id")
})
public class RevalidationBatchEntity {

    /** A batch of all users: their items are being added. */
    public static final String PREPARING = "PREPARING";
    /** Every item is added; the worker is (or was) processing them. */
    public static final String RUNNING = "RUNNING";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CALL_TYPE", length = 32, nullable = false)
    private String callType;

    @Column(name = "PROGRAM_CODE", length = 64)
    private String programCode;

    @Column(name = "ALL_USERS", nullable = false)
    private boolean allUsers;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "USER_CURSOR", length = 36)
    private String cursor;

    @Column(name = "TOTAL", nullable = false)
    private int total;

    /** Who asked for it: the caller's username (a service account's is service-account-{clientId}). */
    @Column(name = "SUBMITTED_BY", length = 255)
    private String submittedBy;

    @Column(name = "SUBMITTED_AT", nullable = false)
    private long submittedAt;

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

    public String getCallType() {
        return callType;
    }

    public void setCallType(String callType) {
        this.callType = callType;
    }

    public String getProgramCode() {
        return programCode;
    }

    public void setProgramCode(String programCode) {
        this.programCode = programCode;
    }

    public boolean isAllUsers() {
        return allUsers;
    }

    public void setAllUsers(boolean allUsers) {
        this.allUsers = allUsers;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public long getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(long submittedAt) {
        this.submittedAt = submittedAt;
    }
}
