package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmailOtpConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        EmailOtpConfig config = EmailOtpConfig.defaults();
        assertEquals(6, config.codeLength());
        assertEquals(300, config.lifetimeSeconds());
        assertEquals(3, config.maxAttempts());
        assertEquals(30, config.resendCooldownSeconds());
        assertTrue(config.allowedDomains().isUnrestricted());
        assertEquals(config, EmailOtpConfig.from(null));
    }

    @Test
    void valuesAreRead() {
        EmailOtpConfig config = EmailOtpConfig.from(Map.of(
                EmailOtpConfig.CODE_LENGTH, "8",
                EmailOtpConfig.LIFETIME_SECONDS, "120",
                EmailOtpConfig.MAX_ATTEMPTS, "5",
                EmailOtpConfig.RESEND_COOLDOWN_SECONDS, " 10 ",
                EmailOtpConfig.ALLOWED_DOMAINS, "example.com##Example.ORG"));
        assertEquals(8, config.codeLength());
        assertEquals(120, config.lifetimeSeconds());
        assertEquals(5, config.maxAttempts());
        assertEquals(10, config.resendCooldownSeconds());
        assertTrue(config.allowedDomains().allows("a@example.org"));
    }

    @Test
    void outOfRangeValuesAreClampedToTheLimits() {
        EmailOtpConfig low = EmailOtpConfig.from(Map.of(
                EmailOtpConfig.CODE_LENGTH, "4",
                EmailOtpConfig.LIFETIME_SECONDS, "1",
                EmailOtpConfig.MAX_ATTEMPTS, "0",
                EmailOtpConfig.RESEND_COOLDOWN_SECONDS, "-5"));
        assertEquals(6, low.codeLength(), "min length 6");
        assertEquals(30, low.lifetimeSeconds());
        assertEquals(1, low.maxAttempts());
        assertEquals(0, low.resendCooldownSeconds());

        EmailOtpConfig high = EmailOtpConfig.from(Map.of(
                EmailOtpConfig.CODE_LENGTH, "50",
                EmailOtpConfig.LIFETIME_SECONDS, "86400",
                EmailOtpConfig.MAX_ATTEMPTS, "1000",
                EmailOtpConfig.RESEND_COOLDOWN_SECONDS, "99999"));
        assertEquals(10, high.codeLength());
        assertEquals(600, high.lifetimeSeconds(), "max lifetime 10 minutes");
        assertEquals(10, high.maxAttempts());
        assertEquals(600, high.resendCooldownSeconds());
    }

    @Test
    void unreadableValuesFallBackToDefaults() {
        Map<String, String> raw = new HashMap<>();
        raw.put(EmailOtpConfig.CODE_LENGTH, "six");
        raw.put(EmailOtpConfig.LIFETIME_SECONDS, "");
        raw.put(EmailOtpConfig.MAX_ATTEMPTS, null);
        assertEquals(EmailOtpConfig.defaults(), EmailOtpConfig.from(raw));
    }

    @Test
    void everySettingIsDeclaredForTheAdminConsoleWithAHelpText() {
        var names = EmailOtpConfigProperties.PROPERTIES.stream().map(p -> p.getName()).toList();
        assertEquals(java.util.List.of(EmailOtpConfig.CODE_LENGTH, EmailOtpConfig.LIFETIME_SECONDS, EmailOtpConfig.MAX_ATTEMPTS,
                EmailOtpConfig.RESEND_COOLDOWN_SECONDS, EmailOtpConfig.ALLOWED_DOMAINS), names);
        EmailOtpConfigProperties.PROPERTIES.forEach(p -> assertTrue(p.getHelpText() != null && p.getHelpText().length() > 40, p.getName()));
    }
}
