package dev.lanyard.emailotp;

/**
 * The outcome of checking a code. Every value but {@link #ACCEPTED} is the same failure to the
 * person signing in ("invalid or expired code"): telling them apart would tell an attacker whether
 * an account received a code. The distinction is kept for events and tests.
 */
public enum OtpVerdict {
    ACCEPTED,
    /** The code does not match the one sent. */
    WRONG_CODE,
    /** The code's lifetime is over. */
    EXPIRED,
    /** No code is pending: none was sent, it was already used, replaced by a newer one, or voided. */
    NO_CODE,
    /** The code was voided after too many wrong tries; a new one must be requested. */
    ATTEMPTS_EXHAUSTED,
    /** The user is locked by Keycloak's brute-force detector; the code was not checked. */
    USER_LOCKED;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
