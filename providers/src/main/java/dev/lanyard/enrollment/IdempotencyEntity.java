package dev.lanyard.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The first answer to a request sent with an {@code Idempotency-Key}: per realm, calling client, operation and key
 * (a unique key, so of two requests racing with one key only one creates). The answer kept is the status and JSON
 * body the caller got (ids and states, no personal data); {@code STATUS} 0 while the first request runs.
 */
@Entity
@Table(name = "LANYARD_IDEMPOTENCY")
@NamedQueries({
        @NamedQuery(name = "lanyardIdempotencyKey",
                query = "select i from IdempotencyEntity i where i.realmId = :realmId and i.clientId = :clientId and i.operation = :operation and i.idempotencyKey = :key"),
        @NamedQuery(name = "lanyardDeleteIdempotencyBefore",
                query = "delete from IdempotencyEntity i where i.createdAt < :before"),
        @NamedQuery(name = "lanyardDeleteIdempotencyOfRealm",
                query = "delete from IdempotencyEntity i where i.realmId = :realmId")
})
public class IdempotencyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CLIENT_ID", length = 36, nullable = false)
    private String clientId;

    @Column(name = "OPERATION", length = 64, nullable = false)
    private String operation;

    @Column(name = "IDEMPOTENCY_KEY", length = 255, nullable = false)
    private String idempotencyKey;

    @Column(name = "REQUEST_HASH", length = 64, nullable = false)
    private String requestHash;

    @Column(name = "STATUS", nullable = false)
    private int status;

    @Column(name = "RESPONSE")
    private String response;

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

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public int getStatus() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
