package dev.lanyard.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal with an HTTP status, a seed error code and a message for the caller. Messages are
 * written for partners' logs: they name the problem and the field, never a submitted value that may
 * be a secret. No stack trace is captured: a refusal is an answer, not a fault.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean rollsBack;
    private final Map<String, Object> details;

    public ApiError(int status, String code, String message) {
        this(status, code, message, false, Map.of());
    }

    private ApiError(int status, String code, String message, boolean rollsBack, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.rollsBack = rollsBack;
        this.details = details;
    }

    /** The same refusal with a field of its own beside code and message (which rules a password breaks, say). */
    public ApiError withDetail(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new ApiError(status, code, getMessage(), rollsBack, Collections.unmodifiableMap(more));
    }

    /**
     * The same refusal, rolling the call's transaction back: for a refusal found after the call began writing (a new
     * person the password policy then refuses).
     */
    public ApiError rollingBack() {
        return new ApiError(status, code, getMessage(), true, details);
    }

    /** The fields beside code and message, in the order they were added; never a submitted secret. */
    public Map<String, Object> details() {
        return details;
    }

    /**
     * 503: a system the call needs did not answer. Unlike a refusal, it rolls the call's transaction back, since
     * the call stopped half-way.
     */
    public static ApiError unavailable(String code, String message) {
        return new ApiError(503, code, message, true, Map.of());
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
