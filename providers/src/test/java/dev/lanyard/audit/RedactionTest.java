package dev.lanyard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void secretsAreNamedByAWordOfTheirField() {
        for (String secret : List.of("password", "newPassword", "currentPin", "pin", "otp", "totp", "access_token", "refresh_token",
                "id_token", "client_secret", "secret", "answer", "ssn", "hash", "salt", "credential", "credentials", "Authorization",
                "Cookie", "X-Api-Key", "value", "otpauthUri", "qrCode", "code", "dateOfBirth", "birthdate", "dob")) {
            assertTrue(Redaction.isSecretName(secret), secret);
        }
        for (String harmless : List.of("email", "siteId", "token_type", "expires_in", "deviceName", "hashIterations", "statusCode",
                "additionalStatusCode", "code_id", "credentialType", "username", "migrationBatchId", "roleMapping", "shipping",
                "Content-Type", "User-Agent", "tenantName", "clientId")) {
            assertFalse(Redaction.isSecretName(harmless), harmless);
        }
    }

    @Test
    void jsonKeepsItsShapeWithSecretsMaskedAtAnyDepth() {
        String masked = Redaction.json("{\"email\":\"a@b.test\",\"otp\":\"123456\",\"users\":[{\"username\":\"u1\",\"password\":null,"
                + "\"credential\":{\"algorithm\":\"bcrypt\",\"hash\":\"$2a$10$abc\"}}],\"tokens\":{\"access_token\":\"eyJ.x.y\"}}");
        assertEquals("{\"email\":\"a@b.test\",\"otp\":\"**********\",\"users\":[{\"username\":\"u1\",\"password\":null,"
                + "\"credential\":\"**********\"}],\"tokens\":{\"access_token\":\"**********\"}}", masked);
    }

    @Test
    void textThatIsNotJsonIsNotKept() {
        String kept = Redaction.json("password=hunter2&user=x");
        assertFalse(kept.contains("hunter2"));
        assertEquals("[23 characters, not JSON: not kept]", kept);
    }

    @Test
    void headersOfSecretsAreMasked() {
        assertEquals(Redaction.MASK, Redaction.header("Authorization", "Bearer eyJ.x.y"));
        assertEquals("application/json", Redaction.header("Content-Type", "application/json"));
    }
}
