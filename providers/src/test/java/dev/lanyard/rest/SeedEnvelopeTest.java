package dev.lanyard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedEnvelopeTest {

    private final ApiError error = ApiError.badRequest("INVALID_EMAIL", "The field 'email' is not a valid email address.");

    @Test
    void platformAndOrchestratorAnswerCodeAndMessage() {
        Map<String, Object> expected = Map.of("code", "INVALID_EMAIL", "message", "The field 'email' is not a valid email address.");
        assertEquals(expected, SeedEnvelope.PLATFORM.body("demo", error));
        assertEquals(expected, SeedEnvelope.ORCHESTRATOR.body("demo", error));
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
