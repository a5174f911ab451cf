package dev.lanyard.emailotp;

/**
 * What happened to a request for a code. {@link #SENT} and {@link #NOT_SENT} must look the same to
 * the requester (no enumeration); {@link #COOLDOWN} is answered the same way for everybody.
 */
public enum IssueOutcome {
    /** A new code was created and will be mailed once the request commits. */
    SENT,
    /** No account, or one that cannot receive a code (disabled, locked, no email, domain not allowed). */
    NOT_SENT,
    /** A code was requested for the same person and binding less than the cooldown ago. */
    COOLDOWN
}
