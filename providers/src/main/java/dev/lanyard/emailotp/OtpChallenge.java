package dev.lanyard.emailotp;

import java.util.Map;

/**
 * A code that was sent and not yet used: its id (so a new code gets fresh attempt counters), its
 * salted hash, and the limits in force when it was issued (a config change does not alter codes
 * already in people's mailboxes).
 */
record OtpChallenge(String id, String salt, String hash, long expiresAtEpochSecond, int maxAttempts) {

    private static final String ID = "id";
    private static final String SALT = "salt";
    private static final String HASH = "hash";
    private static final String EXPIRES_AT = "exp";
    private static final String MAX_ATTEMPTS = "max";

    Map<String, String> toNotes() {
        return Map.of(ID, id, SALT, salt, HASH, hash,
                EXPIRES_AT, Long.toString(expiresAtEpochSecond),
                MAX_ATTEMPTS, Integer.toString(maxAttempts));
    }

    /** {@code null} when the notes are missing or not a challenge (e.g. written by another version). */
    static OtpChallenge fromNotes(Map<String, String> notes) {
        if (notes == null) {
            return null;
        }
        try {
            String id = notes.get(ID);
            String salt = notes.get(SALT);
            String hash = notes.get(HASH);
            if (id == null || salt == null || hash == null) {
                return null;
            }
            return new OtpChallenge(id, salt, hash,
                    Long.parseLong(notes.get(EXPIRES_AT)), Integer.parseInt(notes.get(MAX_ATTEMPTS)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    boolean isExpired(long nowEpochSecond) {
        return nowEpochSecond >= expiresAtEpochSecond;
    }
}
