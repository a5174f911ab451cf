package dev.lanyard.emailotp;

/**
 * A code that was checked but not yet used up ({@link OtpLedger#check}); {@link #verdict()} is
 * {@link OtpVerdict#ACCEPTED} when it matched.
 */
public record OtpCheck(OtpVerdict verdict, String usedMark, long remainingSeconds) {

    static OtpCheck refused(OtpVerdict verdict) {
        return new OtpCheck(verdict, null, 0);
    }
}
