package dev.lanyard.emailotp;

/**
 * What a mailed code is for. Each purpose keeps its codes under keys of its own, so a sign-in code never resets a
 * password and a reset passcode never signs in, whatever a caller sends where.
 */
public enum CodePurpose {

    /** Passwordless sign-in: bound to the browser sign-in or the site; refused while the account is locked. */
    SIGN_IN("lanyard-email-otp:", "lanyard-email-otp.ftl", "lanyardEmailOtpSubject", "sign-in code", true),
    /**
     * Password reset by passcode: bound to the person only (the seed's find-code and change-password name no site);
     * a locked person may reset, the brute-force lock itself is left as it is.
     */
    PASSWORD_RESET("lanyard-passcode:", "lanyard-passcode.ftl", "lanyardPasscodeSubject", "passcode", false);

    final String keyPrefix;
    final String template;
    final String subjectKey;
    final String what;
    final boolean refusedWhileLocked;

    CodePurpose(String keyPrefix, String template, String subjectKey, String what, boolean refusedWhileLocked) {
        this.keyPrefix = keyPrefix;
        this.template = template;
        this.subjectKey = subjectKey;
        this.what = what;
        this.refusedWhileLocked = refusedWhileLocked;
    }
}
