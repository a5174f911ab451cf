package dev.lanyard.emailotp;

import java.util.Map;

import dev.lanyard.ConfigValues;

/**
 * The email OTP settings of one authentication execution, typed and with defaults.
 * <p>
 * Keycloak has no save-time validation hook for authenticator configs (and realm imports bypass the
 * admin console anyway), so values are read defensively: a value out of range is clamped into it and
 * a value that is not a number falls back to the default. The admin console shows the ranges in the
 * help texts ({@link EmailOtpConfigProperties}).
 */
public record EmailOtpConfig(int codeLength,
                             int lifetimeSeconds,
                             int maxAttempts,
                             int resendCooldownSeconds,
                             EmailDomainPolicy allowedDomains) {

    public static final String CODE_LENGTH = "codeLength";
    public static final String LIFETIME_SECONDS = "lifetimeSeconds";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    public static final String ALLOWED_DOMAINS = "allowedDomains";

    public static final int DEFAULT_CODE_LENGTH = 6;
    public static final int MIN_CODE_LENGTH = 6;
    public static final int MAX_CODE_LENGTH = 10;

    public static final int DEFAULT_LIFETIME_SECONDS = 300;
    public static final int MIN_LIFETIME_SECONDS = 30;
    public static final int MAX_LIFETIME_SECONDS = 600;

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MIN_MAX_ATTEMPTS = 1;
    public static final int MAX_MAX_ATTEMPTS = 10;

    public static final int DEFAULT_RESEND_COOLDOWN_SECONDS = 30;
    public static final int MIN_RESEND_COOLDOWN_SECONDS = 0;
    public static final int MAX_RESEND_COOLDOWN_SECONDS = 600;

    public EmailOtpConfig {
        if (allowedDomains == null) {
            allowedDomains = EmailDomainPolicy.ANY;
        }
    }

    public static EmailOtpConfig defaults() {
        return from(Map.of());
    }

    /** Reads the raw config map of an {@code AuthenticatorConfigModel}; {@code null} means "not configured". */
    public static EmailOtpConfig from(Map<String, String> raw) {
        Map<String, String> values = raw == null ? Map.of() : raw;
        return new EmailOtpConfig(
                ConfigValues.integer(values.get(CODE_LENGTH), DEFAULT_CODE_LENGTH, MIN_CODE_LENGTH, MAX_CODE_LENGTH),
                ConfigValues.integer(values.get(LIFETIME_SECONDS), DEFAULT_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS),
                ConfigValues.integer(values.get(MAX_ATTEMPTS), DEFAULT_MAX_ATTEMPTS, MIN_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS),
                ConfigValues.integer(values.get(RESEND_COOLDOWN_SECONDS), DEFAULT_RESEND_COOLDOWN_SECONDS,
                        MIN_RESEND_COOLDOWN_SECONDS, MAX_RESEND_COOLDOWN_SECONDS),
                EmailDomainPolicy.parse(values.get(ALLOWED_DOMAINS)));
    }
}
