package dev.lanyard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedEnvelopeTest {

    private final ApiError error = ApiError.badRequest("INVALID_EMAIL", "The field 'email' is not a valid email address.");

    @Test
    void platformAnswersCodeAndMessage() {
        assertEquals(Map.of("code", "INVALID_EMAIL", "message", "The field 'email' is not a valid email address."),
                SeedEnvelope.PLATFORM.body("demo", error));
    }

    @Test
    void orchestratorAnswersTheSeedsCodes() {
        ApiError seeds = ApiError.badRequest("UsersOrchestrator_E400_08", "The email is already in use by another user.");
        assertEquals(Map.of("code", "UsersOrchestrator_E400_08", "message", "The email is already in use by another user."),
                SeedEnvelope.ORCHESTRATOR.body("demo", seeds));
        assertEquals(Map.of("code", "UsersOrchestrator_E400_00", "message", "Invalid InputModel - The field 'email' is not a valid email address.",
                "reason", "INVALID_EMAIL"), SeedEnvelope.ORCHESTRATOR.body("demo", error));
        assertEquals("UsersOrchestrator_E400", SeedEnvelope.ORCHESTRATOR.body("demo", ApiError.badRequest(ErrorCodes.INVALID_JSON, "x")).get("code"));
        assertEquals("UsersOrchestrator_E500", SeedEnvelope.ORCHESTRATOR.body("demo", new ApiError(500, "INTERNAL_ERROR", "x")).get("code"));
        assertEquals(Map.of("code", "UsersOrchestrator_E401", "message", "No token.", "reason", "UNAUTHORIZED"),
                SeedEnvelope.ORCHESTRATOR.body("demo", ApiError.unauthorized("UNAUTHORIZED", "No token.")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void authServiceAnswersItsContextResponse() {
        Map<String, Object> body = SeedEnvelope.AUTH_SERVICE.body("demo", error);
        Map<String, Object> context = (Map<String, Object>) body.get("contextResponse");
        assertEquals("demo", context.get("tenantName"));
        assertEquals("VALIDATION", context.get("statusCode"));
        assertEquals(error.getMessage(), context.get("statusMessage"));
        assertEquals("INVALID_EMAIL", context.get("additionalStatusCode"));
        assertNull(body.get("responseData"));
        assertEquals(true, body.containsKey("responseData"));
    }
}
