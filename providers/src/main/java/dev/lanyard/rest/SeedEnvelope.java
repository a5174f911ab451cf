package dev.lanyard.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body of each seed API, so a partner's existing error handling keeps working when it
 * points at Lanyard. One per seed document in {@code ../shared/seeds}.
 */
public enum SeedEnvelope {

    /** Seed 000 (user, migrate, concierge, dts): {@code {"code": "...", "message": "..."}}. */
    PLATFORM {
        @Override
        public Map<String, Object> body(String tenant, ApiError error) {
            return codeAndMessage(error);
        }
    },

    /**
     * Seed 002 (v4 users orchestrator): the same shape with the seed's codes ({@code UsersOrchestrator_E400_08}). A
     * refusal of the shared kit (a bad body, a token) takes the seed's code of its status: a body that is not JSON is
     * {@code UsersOrchestrator_E400} "Bad Request", another 400 {@code UsersOrchestrator_E400_00} "Invalid InputModel - ...",
     * 500 {@code UsersOrchestrator_E500}; statuses the
     * seed has no code for are {@code UsersOrchestrator_E401}, {@code _E403}, ..., with Lanyard's code as {@code reason}.
     */
    ORCHESTRATOR {
        @Override
        public Map<String, Object> body(String tenant, ApiError error) {
            if (error.code().startsWith(ORCHESTRATOR_PREFIX)) {
                return codeAndMessage(error);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (ErrorCodes.INVALID_JSON.equals(error.code())) {
                // Not a model at all: the seed's plain "Bad Request".
                body.put("code", ORCHESTRATOR_PREFIX + "E400");
                body.put("message", "Bad Request - " + error.getMessage());
            } else if (error.status() == 400) {
                body.put("code", ORCHESTRATOR_PREFIX + "E400_00");
                body.put("message", "Invalid InputModel - " + error.getMessage());
            } else if (error.status() >= 500) {
                body.put("code", ORCHESTRATOR_PREFIX + "E500");
                body.put("message", "Internal Server Error - " + error.getMessage());
            } else {
                body.put("code", ORCHESTRATOR_PREFIX + "E" + error.status());
                body.put("message", error.getMessage());
            }
            body.put("reason", error.code());
            body.putAll(error.details());
            return body;
        }
    },

    /**
     * Seed 003 (auth service): {@code contextResponse} with {@code statusCode} and {@code statusMessage},
     * the specific code in {@code additionalStatusCode}, and {@code responseData: null}.
     */
    AUTH_SERVICE {
        @Override
        public Map<String, Object> body(String tenant, ApiError error) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("tenantName", tenant);
            context.put("statusCode", error.status() >= 500 ? "ERROR" : "VALIDATION");
            context.put("statusMessage", error.getMessage());
            context.put("additionalStatusCode", error.code());
            context.put("additionalStatusMessage", null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contextResponse", context);
            body.put("responseData", null);
            return body;
        }
    },

    /**
     * Seed 004 (programs / accounts / users): {@code {"responseDetails": [{"code", "subCode", "description", "url"}]}},
     * numbers both. A refusal that carries {@value #RESPONSE_DETAILS} (the seed's field rules) answers those; any other
     * answers one entry with the HTTP status as code, Lanyard's number for its code as subCode, and Lanyard's code as
     * {@code reason} beside them.
     */
    BANKING {
        @Override
        public Map<String, Object> body(String tenant, ApiError error) {
            Object details = error.details().get(RESPONSE_DETAILS);
            if (details != null) {
                return Map.of(RESPONSE_DETAILS, details);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", error.status());
            detail.put("subCode", error.details().getOrDefault("subCode", 0));
            detail.put("description", error.getMessage());
            detail.put("url", "http://tbd");
            detail.put("reason", error.code());
            return Map.of(RESPONSE_DETAILS, java.util.List.of(detail));
        }
    };

    /** Seed 004's list of results, on an {@link ApiError} that carries the seed's own codes. */
    public static final String RESPONSE_DETAILS = "responseDetails";

    /** The prefix of seed 002's codes. */
    public static final String ORCHESTRATOR_PREFIX = "UsersOrchestrator_";

    /** The error body of this seed for a refusal. */
    public abstract Map<String, Object> body(String tenant, ApiError error);

    /** Seed 003's answer to a successful call: {@code contextResponse} with statusCode SUCCESS, and the data. */
    public static Map<String, Object> authServiceSuccess(String tenant, Object responseData) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tenantName", tenant);
        context.put("statusCode", "SUCCESS");
        context.put("statusMessage", null);
        context.put("additionalStatusCode", null);
        context.put("additionalStatusMessage", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contextResponse", context);
        body.put("responseData", responseData);
        return body;
    }

    private static Map<String, Object> codeAndMessage(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.getMessage());
        body.putAll(error.details());
        return body;
    }
}
