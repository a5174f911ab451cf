package dev.lanyard.migration.batch;

/**
 * The result of importing one person: its state, and for FAILED or CONFLICT a reason code with a
 * message for the partner. Messages name the problem and the field, never a submitted value that
 * may be a secret (hashes, salts).
 */
public record Outcome(RecordState state, String reason, String message, String userId) {

    // Reason codes of FAILED records; each is fixable by the partner (data) or the admin (realm setup), then retried.
    public static final String INVALID_USERNAME = "INVALID_USERNAME";
    public static final String INVALID_EMAIL = "INVALID_EMAIL";
    public static final String INVALID_NAME = "INVALID_NAME";
    public static final String PLAIN_PASSWORD_REFUSED = "PLAIN_PASSWORD_REFUSED";
    public static final String ROLE_NOT_FOUND = "ROLE_NOT_FOUND";
    public static final String IMPORT_ERROR = "IMPORT_ERROR";
    // Reason codes of CONFLICT records.
    public static final String USERNAME_EXISTS = "USERNAME_EXISTS";
    public static final String EMAIL_EXISTS = "EMAIL_EXISTS";
    public static final String UUID_EXISTS = "UUID_EXISTS";

    public static Outcome migrated(String userId) {
        return new Outcome(RecordState.SUCCESS, null, null, userId);
    }

    public static Outcome failed(String reason, String message) {
        return new Outcome(RecordState.FAILED, reason, message, null);
    }

    public static Outcome conflict(String reason, String message, String existingUserId) {
        return new Outcome(RecordState.CONFLICT, reason, message, existingUserId);
    }
}
