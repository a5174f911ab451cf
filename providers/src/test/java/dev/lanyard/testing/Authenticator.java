package dev.lanyard.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.lanyard.totp.TotpCodes;
import dev.lanyard.totp.TotpParameters;
import org.apache.commons.codec.binary.Base32;

/**
 * A person's authenticator app for the demo realm's OTP policy (SHA1, 6 digits, 30 s, one period of
 * skew). Keycloak accepts each code once, so the app hands out codes it has not given before.
 */
public final class Authenticator {

    private static final TotpParameters DEMO_POLICY = new TotpParameters("HmacSHA1", 6, 30);

    private final byte[] secret;
    private final Set<String> given = new HashSet<>();

    private Authenticator(byte[] secret) {
        this.secret = secret;
    }

    /** From the base32 secret of the REST setup (or an otpauth URI). */
    public static Authenticator fromBase32(String base32) {
        Secrets.record(base32);
        return new Authenticator(new Base32().decode(base32));
    }

    /** From Keycloak's raw secret string, as its "Configure OTP" page holds it. */
    public static Authenticator fromRawSecret(String raw) {
        Secrets.record(raw);
        return new Authenticator(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A code valid now that this app has not given before: the current period's, else the next one's
     * (Keycloak accepts one period of skew); when both were given, waits for the next period.
     */
    public String freshCode() {
        for (int attempt = 0; attempt < 3; attempt++) {
            long now = System.currentTimeMillis() / 1000L;
            for (long at : List.of(now, now + 30)) {
                String code = TotpCodes.at(secret, DEMO_POLICY, at);
                if (given.add(code)) {
                    return Secrets.record(code);
                }
            }
            long nextPeriod = (now / 30 + 1) * 30;
            Mailbox.sleep((nextPeriod - now) * 1000L + 500);
        }
        throw new AssertionError("No unused code after waiting for the next periods");
    }

    /** A code that is certainly wrong now. */
    public String wrongCode() {
        long now = System.currentTimeMillis() / 1000L;
        Set<String> valid = Set.of(TotpCodes.at(secret, DEMO_POLICY, now - 30), TotpCodes.at(secret, DEMO_POLICY, now),
                TotpCodes.at(secret, DEMO_POLICY, now + 30));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", (123457 + i * 7919) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }
}
