package dev.lanyard.emailotp;

/** Message keys of the email OTP pages and mails; texts are in theme-resources/messages. */
final class Messages {

    static final String IDENTIFIER_MISSING = "lanyardEmailOtpIdentifierMissing";
    static final String IDENTIFIER_INVALID = "lanyardEmailOtpIdentifierInvalid";
    static final String EMAIL_INVALID = "lanyardEmailOtpEmailInvalid";
    static final String EMAIL_DOMAIN_NOT_ALLOWED = "lanyardEmailOtpDomainNotAllowed";
    static final String CODE_SENT = "lanyardEmailOtpCodeSent";
    static final String CODE_RESENT = "lanyardEmailOtpCodeResent";
    static final String RESEND_COOLDOWN = "lanyardEmailOtpResendCooldown";
    static final String CODE_MISSING = "lanyardEmailOtpCodeMissing";
    static final String CODE_INVALID = "lanyardEmailOtpCodeInvalid";
    static final String USER_LOCKED = "lanyardEmailOtpUserLocked";

    private Messages() {
    }
}
