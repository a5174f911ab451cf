package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.lanyard.rest.ApiError;
import org.junit.jupiter.api.Test;

class SealedMessagesTest {

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHeaderOfACompactJweIsRead() {
        String jwe = b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"k1\"}") + ".a.b.c.d";
        assertEquals("k1", SealedMessages.jweHeader(jwe).get("kid").asText());
    }

    @Test
    void whatIsNotACompactJweIsRefusedWithoutQuotingIt() {
        for (String body : new String[]{null, "", "{\"email\":\"secret@example.test\"}", "a.b.c", "a.b.c.d.e.f", ".b.c.d.e",
                b64("[1]") + ".b.c.d.e", "%%%.b.c.d.e"}) {
            ApiError refused = assertThrows(ApiError.class, () -> SealedMessages.jweHeader(body), String.valueOf(body));
            assertEquals(400, refused.status());
            assertEquals(SealedMessages.NOT_A_JWE, refused.code());
            assertFalse(refused.getMessage().contains("secret@"), refused.getMessage());
        }
    }

    @Test
    void onlyKeyManagementWithoutASharedSecretOrRsa15IsAccepted() {
        assertTrue(SealedMessages.KEY_ALGORITHMS.containsAll(java.util.List.of("RSA-OAEP", "RSA-OAEP-256", "ECDH-ES")));
        for (String refused : new String[]{"RSA1_5", "dir", "A256KW", "none", "PBES2-HS256+A128KW"}) {
            assertFalse(SealedMessages.KEY_ALGORITHMS.contains(refused), refused);
        }
    }
}
