package dev.lanyard.rest;

/** Query parameters of Lanyard's endpoints, read one way: absent means the default, anything else must be in range. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number from {@code min} to {@code max}; absent or blank is {@code fallback}; otherwise 400 naming it. */
    public static int integer(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
}
