package dev.lanyard.migration;

import java.util.Locale;

/**
 * Seed 003's account status, and what it becomes in Keycloak: ACTIVE signs in; INACTIVE signs in
 * and must choose a new password first; LOCKED is imported disabled (an admin enables it).
 */
public enum LegacyStatus {
    ACTIVE(true, false),
    INACTIVE(true, true),
    LOCKED(false, false);

    private final boolean enabled;
    private final boolean mustUpdatePassword;

    LegacyStatus(boolean enabled, boolean mustUpdatePassword) {
        this.enabled = enabled;
        this.mustUpdatePassword = mustUpdatePassword;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustUpdatePassword() {
        return mustUpdatePassword;
    }

    /** Unknown or missing statuses (DISABLED, CLOSED in older exports) are treated as LOCKED: never let them in by accident. */
    static LegacyStatus parse(String value) {
        if (value == null) {
            return LOCKED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LOCKED;
        }
    }
}
