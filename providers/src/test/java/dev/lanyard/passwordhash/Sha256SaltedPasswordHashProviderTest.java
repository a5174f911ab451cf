package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.base64;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.stored;
import static dev.lanyard.passwordhash.LegacyCredentials.utf8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;

class Sha256SaltedPasswordHashProviderTest {

    private final PasswordHashProvider sha256 = new Sha256SaltedPasswordHashProviderFactory().create(null);

    /**
     * SHA-256(salt + password): FIPS 180-2's "abc" and 448-bit vectors split into salt and password, and a UTF-8
     * password whose digest was computed with coreutils' sha256sum.
     */
    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "a, bc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "abcdbcdecdefdefgefghfghighijhijk, ijkljklmklmnlmnomnopnopq, 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            "NaCl, pässwörd🔑, 553717cbab725e3c809af2da3b4f2319870d965874b18106d5846d80799a2a48"})
    void verifiesKnownVectors(String salt, String password, String hexDigest) {
        PasswordCredentialModel credential = stored(
                credential("sha256-salted", base64(HexFormat.of().parseHex(hexDigest)), base64(utf8(salt)), null));
        assertTrue(sha256.verify(password, credential));
        assertFalse(sha256.verify(password + " ", credential));
        assertFalse(sha256.verify(password.toUpperCase(), credential));
        assertFalse(sha256.verify("", credential));
        assertFalse(sha256.verify(null, credential));
    }

    @Test
    void theSaltComesFirst() {
        String abc = base64(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // SHA-256("abc") as password "a" + salt "bc" is another scheme, not this one.
        assertFalse(sha256.verify("a", stored(credential("sha256-salted", abc, base64(utf8("bc")), null))));
        assertTrue(sha256.verify("bc", stored(credential("sha256-salted", abc, base64(utf8("a")), null))));
    }

    @Test
    void anotherSaltIsAnotherHash() {
        String abc = base64(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertFalse(sha256.verify("bc", stored(credential("sha256-salted", abc, base64(utf8("A")), null))));
    }

    @Test
    void aMalformedStoredValueIsRefusedNotThrown() {
        String id = Sha256SaltedPasswordHashProviderFactory.ID;
        assertFalse(sha256.verify("bc", PasswordCredentialModel.createFromValues(id, utf8("a"), 1, "not base64!")));
        assertFalse(sha256.verify("bc", PasswordCredentialModel.createFromValues(id, utf8("a"), 1, base64(new byte[31]))));
        assertFalse(sha256.verify("bc", PasswordCredentialModel.createFromValues(id, utf8("a"), 1, null)));
        assertFalse(sha256.verify("bc", PasswordCredentialModel.createFromValues(id, null, 1, base64(new byte[32]))));
        assertFalse(sha256.verify("bc", PasswordCredentialModel.createFromValues(id, new byte[0], 1, base64(new byte[32]))));
    }
}
