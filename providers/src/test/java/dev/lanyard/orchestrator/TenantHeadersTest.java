package dev.lanyard.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import dev.lanyard.rest.ApiError;
import org.junit.jupiter.api.Test;

class TenantHeadersTest {

    @Test
    void readsTheFourHeaders() {
        assertEquals(new TenantHeaders("crm", "demo", "P1", "G1"), TenantHeaders.read(headers(all())));
    }

    @Test
    void aMissingOrMalformedHeaderIsTheInvalidInputModelNamingItNeverItsValue() {
        for (String name : TenantHeaders.REQUIRED) {
            Map<String, String> without = all();
            without.remove(name);
            ApiError missing = assertThrows(ApiError.class, () -> TenantHeaders.read(headers(without)));
            assertEquals(OrchestratorCodes.INVALID_INPUT, missing.code());
            assertTrue(missing.getMessage().contains(name), missing.getMessage());

            Map<String, String> spaced = all();
            spaced.put(name, "two words-secretish");
            ApiError malformed = assertThrows(ApiError.class, () -> TenantHeaders.read(headers(spaced)));
            assertEquals(OrchestratorCodes.INVALID_INPUT, malformed.code());
            assertFalse(malformed.getMessage().contains("secretish"), malformed.getMessage());
        }
    }

    private static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-SourceSystem", "crm");
        headers.put("X-ClientCode", "demo");
        headers.put("X-PaperCode", "P1");
        headers.put("X-ClientGroupCode", "G1");
        return headers;
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[]{HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return values.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
