package dev.lanyard.totp;

import java.util.Map;

/**
 * The settings of the Lanyard TOTP step, typed and with defaults. Values out of range are clamped
 * into it and unreadable ones fall back to the default (see {@link TotpSettingsProperties}).
 */
public record TotpSettings(boolean requireEnrollment, int setupLifetimeSeconds, boolean allowSeveralDevices) {

    public static final String REQUIRE_ENROLLMENT = "requireEnrollment";
    public static final String SETUP_LIFETIME_SECONDS = "setupLifetimeSeconds";
    public static final String ALLOW_SEVERAL_DEVICES = "allowSeveralDevices";

    public static final int DEFAULT_SETUP_LIFETIME_SECONDS = 600;
    public static final int MIN_SETUP_LIFETIME_SECONDS = 60;
    public static final int MAX_SETUP_LIFETIME_SECONDS = 3600;

    public TotpSettings {
        setupLifetimeSeconds = Math.max(MIN_SETUP_LIFETIME_SECONDS, Math.min(MAX_SETUP_LIFETIME_SECONDS, setupLifetimeSeconds));
    }

    public static TotpSettings defaults() {
        return from(Map.of());
    }

    public static TotpSettings from(Map<String, String> raw) {
        Map<String, String> values = raw == null ? Map.of() : raw;
        return new TotpSettings(
                Boolean.parseBoolean(values.getOrDefault(REQUIRE_ENROLLMENT, "false").trim()),
                integer(values.get(SETUP_LIFETIME_SECONDS), DEFAULT_SETUP_LIFETIME_SECONDS),
                Boolean.parseBoolean(values.getOrDefault(ALLOW_SEVERAL_DEVICES, "false").trim()));
    }

    private static int integer(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
