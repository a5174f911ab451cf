package dev.lanyard.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import org.junit.jupiter.api.Test;

class PasswordlessUserRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOldModelIsPascalCaseAndTheNewCamelCase() {
        PasswordlessUserRequest pascal = read(CaseStyle.PASCAL, "{\"Email\":\"a@b.test\",\"CustomerRegistrationId\":\"CR-1\","
                + "\"EncryptedCustomerRegistrationid\":\"x9\",\"VerifyEmail\":true,\"ReturnUrl\":\"https://site.test/back\","
                + "\"FirstName\":\"Ava\",\"LastName\":\"Harper\",\"Metadata\":{\"loyaltyTier\":\"gold\"},\"IgnoreProvider\":true}");
        assertEquals(new PasswordlessUserRequest("a@b.test", "CR-1", "x9", true, "https://site.test/back", "Ava", "Harper",
                Map.of("loyaltyTier", "gold"), true), pascal);
        PasswordlessUserRequest camel = read(CaseStyle.CAMEL, "{\"email\":\"a@b.test\"}");
        assertFalse(camel.verifyEmail(), "VerifyEmail defaults to false");
        assertFalse(camel.ignoreProvider());
        assertTrue(camel.metadata().isEmpty());
        assertRefused("UsersOrchestrator_E400_00", CaseStyle.CAMEL, "{\"Email\":\"a@b.test\"}");
        assertRefused("UsersOrchestrator_E400_00", CaseStyle.PASCAL, "{\"email\":\"a@b.test\"}");
    }

    @Test
    void answersAreRenamedIntoTheRequestsModelInOrder() {
        java.util.LinkedHashMap<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("userId", "1");
        answer.put("changePasswordUrl", null);
        assertEquals(List.of("UserId", "ChangePasswordUrl"), List.copyOf(CaseStyle.PASCAL.answer(answer).keySet()));
        assertEquals(List.of("userId", "changePasswordUrl"), List.copyOf(CaseStyle.CAMEL.answer(answer).keySet()));
    }

    @Test
    void metadataIsCamelCaseKeysWithShortStringValues() {
        assertEquals(Map.of("a", "1", "loyaltyTier2", "gold"), PasswordlessUserRequest.metadata(tree("{\"a\":\"1\",\"loyaltyTier2\":\"gold\"}")));
        assertRefused("UsersOrchestrator_E400_09", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":[1]}");
        assertRefused("UsersOrchestrator_E400_09", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":{\"LoyaltyTier\":\"gold\"}}");
        assertRefused("UsersOrchestrator_E400_09", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":{\"loyalty_tier\":\"gold\"}}");
        assertRefused("UsersOrchestrator_E400_09", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":{\"tier\":{\"x\":1}}}");
        assertRefused("UsersOrchestrator_E400_17", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":{\"tier\":\"" + "g".repeat(101) + "\"}}");
        assertRefused("UsersOrchestrator_E400_17", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"metadata\":{\"" + "k".repeat(101) + "\":\"g\"}}");
        assertEquals(1, PasswordlessUserRequest.metadata(tree("{\"tier\":\"" + "g".repeat(100) + "\"}")).size(), "100 characters are allowed");
    }

    @Test
    void badFieldsAreTheInvalidInputModelNamingTheField() {
        ApiError refused = assertRefused("UsersOrchestrator_E400_00", CaseStyle.PASCAL, "{\"Email\":\"a@b.test\",\"VerifyEmail\":\"yes\"}");
        assertTrue(message(refused).startsWith("Invalid InputModel - ") && message(refused).contains("VerifyEmail"), message(refused));
        assertRefused("UsersOrchestrator_E400_00", CaseStyle.CAMEL, "{\"email\":\"not an address\"}");
        assertRefused("UsersOrchestrator_E400_00", CaseStyle.CAMEL, "{\"email\":\"a@b.test\",\"customerRegistrationId\":\"has space\"}");
        assertRefused("UsersOrchestrator_E400_00", CaseStyle.CAMEL, "{}");
    }

    private static String message(ApiError refused) {
        return (String) SeedEnvelope.ORCHESTRATOR.body("demo", refused).get("message");
    }

    private static ApiError assertRefused(String code, CaseStyle style, String json) {
        ApiError refused = assertThrows(ApiError.class, () -> read(style, json), json);
        assertEquals(400, refused.status());
        assertEquals(code, SeedEnvelope.ORCHESTRATOR.body("demo", refused).get("code"), refused.getMessage());
        return refused;
    }

    private static PasswordlessUserRequest read(CaseStyle style, String json) {
        return PasswordlessUserRequest.read(JsonBody.of(tree(json), PasswordlessUserRequest.fields(style), "The body"), style);
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
