package dev.lanyard.migration.batch;

/**
 * What became of one submitted person. PENDING waits for the background task; SUCCESS is a
 * Keycloak user now; FAILED has a reason code and may be retried; CONFLICT means the username or
 * email already belongs to a Keycloak user, which is left untouched (retries skip it too).
 */
public enum RecordState {
    PENDING, SUCCESS, FAILED, CONFLICT
}
