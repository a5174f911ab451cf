package dev.lanyard.totp;

import org.keycloak.models.OTPPolicy;

/** Algorithm (Keycloak's names: HmacSHA1, HmacSHA256, HmacSHA512), digits and period of a TOTP. */
public record TotpParameters(String algorithm, int digits, int period) {

    public static TotpParameters of(OTPPolicy policy) {
        return new TotpParameters(policy.getAlgorithm(), policy.getDigits(), policy.getPeriod());
    }
}
