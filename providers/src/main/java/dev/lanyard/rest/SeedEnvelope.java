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
        Map<String, Object> body(String tenant, ApiError error) {
            return codeAndMessage(error);
        }
    },

    /** Seed 002 (v4 users orchestrator): the same shape with codes like {@code UsersOrchestrator_E400_08}. */
    ORCHESTRATOR {
        @Override
        Map<String, Object> body(String tenant, ApiError error) {
            return codeAndMessage(error);
        }
    },

    /**
     * Seed 003 (auth service): {@code contextResponse} with {@code statusCode} and {@code statusMessage},
     * the specific code in {@code additionalStatusCode}, and {@code responseData: null}.
     */
    AUTH_SERVICE {
        @Override
        Map<String, Object> body(String tenant, ApiError error) {
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
    };

    abstract Map<String, Object> body(String tenant, ApiError error);

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
