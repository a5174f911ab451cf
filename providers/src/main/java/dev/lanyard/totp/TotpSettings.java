package dev.lanyard.totp;

import java.util.Map;

import dev.lanyard.ConfigValues;

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

    public static TotpSettings defaults() {
        return from(Map.of());
    }

    public static TotpSettings from(Map<String, String> raw) {
        Map<String, String> values = raw == null ? Map.of() : raw;
        return new TotpSettings(
                ConfigValues.bool(values.get(REQUIRE_ENROLLMENT), false),
                ConfigValues.integer(values.get(SETUP_LIFETIME_SECONDS), DEFAULT_SETUP_LIFETIME_SECONDS,
                        MIN_SETUP_LIFETIME_SECONDS, MAX_SETUP_LIFETIME_SECONDS),
                ConfigValues.bool(values.get(ALLOW_SEVERAL_DEVICES), false));
    }
}
