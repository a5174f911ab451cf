package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.base64;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.pbkdf2;
import static dev.lanyard.passwordhash.LegacyCredentials.stored;
import static dev.lanyard.passwordhash.LegacyCredentials.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Legacy PBKDF2 hashes need no provider of Lanyard's: Keycloak's own verify() derives a key as long as the stored
 * one. Hashes are made with the JDK's PBKDF2 (SunJCE), as a legacy Java system would; Keycloak checks them with
 * BouncyCastle, so this also proves the two agree, UTF-8 passwords included.
 */
class KeycloakPbkdf2LegacyHashTest {

    private static final byte[] SALT = utf8("per-user salt!");
    private static final int ITERATIONS = 1000;

    @BeforeAll
    static void keycloakCrypto() {
        LegacyCredentials.keycloakCrypto();
    }

    @ParameterizedTest(name = "{0}, {1}-byte key")
    @CsvSource({
            "pbkdf2-sha256, 16", "pbkdf2-sha256, 20", "pbkdf2-sha256, 32", "pbkdf2-sha256, 64",
            "pbkdf2-sha512, 32", "pbkdf2-sha512, 64", "pbkdf2-sha512, 128"})
    void keycloaksProviderVerifiesALegacyKeyOfAnyLength(String algorithm, int keyBytes) {
        String jca = algorithm.equals("pbkdf2-sha256") ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA512";
        for (String password : new String[] {"correct horse battery staple", "short", "pässwörd🔑"}) {
            byte[] key = pbkdf2(jca, password, SALT, ITERATIONS, keyBytes);
            PasswordCredentialModel credential = stored(credential(algorithm, base64(key), base64(SALT), ITERATIONS));
            PasswordHashProvider keycloak = keycloaks(algorithm);
            assertTrue(keycloak.verify(password, credential), password);
            assertFalse(keycloak.verify(password + "!", credential));
            assertFalse(keycloak.verify(password.toUpperCase(), credential));
        }
    }

    @Test
    void unpaddedLegacyBase64StillVerifies() {
        // Keycloak compares base64 text: the import stores it padded, as Keycloak writes it.
        byte[] key = pbkdf2("PBKDF2WithHmacSHA256", "pw", SALT, ITERATIONS, 20);
        String unpadded = base64(key).replace("=", "");
        assertFalse(unpadded.equals(base64(key)), "a 20-byte key has padding to drop");
        PasswordCredentialModel credential = stored(credential("pbkdf2-sha256", unpadded, base64(SALT).replace("=", ""), ITERATIONS));
        assertTrue(keycloaks("pbkdf2-sha256").verify("pw", credential));
    }

    @Test
    void rfc7914Vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1, dkLen = 64.
        byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b6459916 64b39d77ef317c71b845b1e30bd509112041d3a19783".replace(" ", ""));
        assertArrayEquals(expected, pbkdf2("PBKDF2WithHmacSHA256", "passwd", utf8("salt"), 1, 64));
        PasswordCredentialModel credential = stored(credential("pbkdf2-sha256", base64(expected), base64(utf8("salt")), 1));
        assertTrue(keycloaks("pbkdf2-sha256").verify("passwd", credential));
        assertFalse(keycloaks("pbkdf2-sha256").verify("Passwd", credential));
    }

    @Test
    void fipsPaddingOfShortPasswordsChangesNothing() {
        // In FIPS mode Keycloak pads short passwords with NULs (max-padding-length 14); HMAC pads its key with
        // zeros anyway, so a legacy hash of the unpadded password still verifies.
        byte[] key = pbkdf2("PBKDF2WithHmacSHA256", "short", SALT, ITERATIONS, 32);
        PasswordCredentialModel credential = stored(credential("pbkdf2-sha256", base64(key), base64(SALT), ITERATIONS));
        Pbkdf2PasswordHashProvider padded = new Pbkdf2PasswordHashProvider(Pbkdf2Sha256PasswordHashProviderFactory.ID,
                Pbkdf2Sha256PasswordHashProviderFactory.PBKDF2_ALGORITHM, Pbkdf2Sha256PasswordHashProviderFactory.DEFAULT_ITERATIONS,
                14, 256);
        assertTrue(padded.verify("short", credential));
        assertFalse(padded.verify("shor", credential));
    }

    /** Keycloak's provider for that algorithm id, as its factory makes it (no padding, Keycloak's defaults). */
    private static PasswordHashProvider keycloaks(String algorithm) {
        PasswordHashProvider provider = algorithm.equals(Pbkdf2Sha256PasswordHashProviderFactory.ID)
                ? new Pbkdf2Sha256PasswordHashProviderFactory().create(null)
                : new Pbkdf2Sha512PasswordHashProviderFactory().create(null);
        return assertInstanceOf(Pbkdf2PasswordHashProvider.class, provider);
    }
}
