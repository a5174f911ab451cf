package dev.lanyard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OTPPolicy;

/** The setup answer, read as an authenticator app reads it (Google's Key URI format). */
class TotpSetupViewTest {

    private static final String SECRET = "kQ3xW9sLm2Pz7RtV4nYb";

    @Test
    void theOtpauthUriCarriesIssuerAccountSecretAndPolicy() {
        OTPPolicy policy = new OTPPolicy("totp", "HmacSHA256", 0, 8, 1, 60);
        String uri = policy.getKeyURI("Lanyard Demo", "alice@lanyard.test", SECRET);
        Map<String, Object> view = TotpSetupView.of(policy, SECRET, uri, "data:image/png;base64,AAAA", 600);

        URI parsed = URI.create((String) view.get("otpauthUri"));
        assertEquals("otpauth", parsed.getScheme());
        assertEquals("totp", parsed.getHost());
        assertEquals("/Lanyard Demo:alice@lanyard.test", parsed.getPath());
        Map<String, String> query = Arrays.stream(parsed.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertEquals("Lanyard Demo", query.get("issuer"));
        assertEquals("SHA256", query.get("algorithm"));
        assertEquals("8", query.get("digits"));
        assertEquals("60", query.get("period"));
        assertEquals(SECRET, new String(new Base32().decode(query.get("secret")), StandardCharsets.UTF_8),
                "The URI's secret is base32 of the secret Keycloak stores");
        assertEquals(query.get("secret"), view.get("secret"), "The returned secret is the URI's, without spaces");
    }

    @Test
    void theParametersMatchThePolicyForManualEntry() {
        OTPPolicy policy = new OTPPolicy("totp", "HmacSHA1", 0, 6, 1, 30);
        Map<String, Object> view = TotpSetupView.of(policy, SECRET, policy.getKeyURI("Demo", "bob", SECRET), "data:image/png;base64,AAAA", 600);
        assertEquals("SHA1", view.get("algorithm"));
        assertEquals(6, view.get("digits"));
        assertEquals(30, view.get("period"));
        assertEquals(600, view.get("expiresIn"));
        assertTrue(((String) view.get("qrCode")).startsWith("data:image/png;base64,"));
        assertTrue(((String) view.get("secret")).matches("[A-Z2-7=]+"), "plain base32");
    }
}
