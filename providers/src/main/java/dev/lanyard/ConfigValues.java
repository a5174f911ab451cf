package dev.lanyard;

/**
 * Reading the string values of Keycloak configs (authenticator configs, component configs) the
 * same way everywhere: blank or unreadable means the default, out of range means the nearest limit.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    public static int integer(String value, int fallback, int min, int max) {
        int parsed = fallback;
        if (value != null && !value.isBlank()) {
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                parsed = fallback;
            }
        }
        return Math.max(min, Math.min(max, parsed));
    }

    public static boolean bool(String value, boolean fallback) {
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }
}
