package dev.lanyard.emailotp;

/** What the login templates read as {@code lanyardEmailOtp}. */
public final class EmailOtpFormBean {

    private final String identifier;
    private final EmailOtpConfig config;
    private final boolean codeStage;

    EmailOtpFormBean(String identifier, EmailOtpConfig config, boolean codeStage) {
        this.identifier = identifier == null ? "" : identifier;
        this.config = config;
        this.codeStage = codeStage;
    }

    public String getIdentifier() {
        return identifier;
    }

    public int getCodeLength() {
        return config.codeLength();
    }

    public int getLifetimeMinutes() {
        return Math.max(1, (config.lifetimeSeconds() + 59) / 60);
    }

    public int getResendCooldownSeconds() {
        return config.resendCooldownSeconds();
    }

    public boolean isCodeStage() {
        return codeStage;
    }
}
