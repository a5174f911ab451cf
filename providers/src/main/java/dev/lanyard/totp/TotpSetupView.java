package dev.lanyard.totp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.utils.Base32;
import org.keycloak.models.OTPPolicy;

/**
 * The answer to a TOTP setup: the secret as authenticator apps take it (base32 of Keycloak's secret
 * string), the otpauth URI and QR code Keycloak builds, and the policy's parameters for apps that
 * are configured by hand.
 */
final class TotpSetupView {

    private TotpSetupView() {
    }

    static Map<String, Object> of(OTPPolicy policy, String secret, String keyUri, String qrCode, int expiresInSeconds) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("secret", Base32.encode(secret.getBytes(StandardCharsets.UTF_8)));
        view.put("otpauthUri", keyUri);
        view.put("qrCode", qrCode);
        view.put("algorithm", policy.getAlgorithmKey());
        view.put("digits", policy.getDigits());
        view.put("period", policy.getPeriod());
        view.put("expiresIn", expiresInSeconds);
        return view;
    }
}
