package dev.lanyard.rest;

/**
 * A refusal with an HTTP status, a seed error code and a message for the caller. Messages are
 * written for partners' logs: they name the problem and the field, never a submitted value that may
 * be a secret. No stack trace is captured: a refusal is an answer, not a fault.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean rollsBack;

    public ApiError(int status, String code, String message) {
        this(status, code, message, false);
    }

    private ApiError(int status, String code, String message, boolean rollsBack) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.rollsBack = rollsBack;
    }

    /**
     * 503: a system the call needs did not answer. Unlike a refusal, it rolls the call's transaction back, since
     * the call stopped half-way.
     */
    public static ApiError unavailable(String code, String message) {
        return new ApiError(503, code, message, true);
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError unauthorized(String code, String message) {
        return new ApiError(401, code, message);
    }

    public static ApiError forbidden(String code, String message) {
        return new ApiError(403, code, message);
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Whether the call's transaction must roll back (see {@link #unavailable}). */
    public boolean rollsBack() {
        return rollsBack;
    }
}
