package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.bcrypt;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.stored;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;

class BcryptPasswordHashProviderTest {

    private final PasswordHashProvider bcrypt = new BcryptPasswordHashProviderFactory().create(null);

    /** Published vectors: jBCrypt's / OpenBSD's test set ($2a$) and PHP's password_verify example ($2y$). */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''|$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
            "a|$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe",
            "abc|$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
            "abcdefghijklmnopqrstuvwxyz|$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC",
            "rasmuslerdorf|$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq",
            // $2b$ and $2y$ only mark fixes for passwords other implementations got wrong; short ASCII ones hash alike.
            "''|$2b$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
            "abc|$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"})
    void verifiesPublishedVectors(String password, String hash) {
        PasswordCredentialModel credential = stored(credential("bcrypt", hash, null, null));
        assertTrue(bcrypt.verify(password, credential));
        assertFalse(bcrypt.verify(password + "x", credential));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a", "2b", "2y"})
    void verifiesEachVersionAndRefusesWrongPasswords(String version) {
        PasswordCredentialModel credential = stored(credential("bcrypt", bcrypt(version, "Tr0ub4dor&3"), null, null));
        assertTrue(bcrypt.verify("Tr0ub4dor&3", credential));
        assertFalse(bcrypt.verify("tr0ub4dor&3", credential));
        assertFalse(bcrypt.verify("Tr0ub4dor&", credential));
        assertFalse(bcrypt.verify("", credential));
        assertFalse(bcrypt.verify(null, credential));
    }

    @Test
    void passwordsAreUtf8() {
        PasswordCredentialModel credential = stored(credential("bcrypt", bcrypt("2b", "pässwörd🔑"), null, null));
        assertTrue(bcrypt.verify("pässwörd🔑", credential));
        assertFalse(bcrypt.verify("passwort🔑", credential));
    }

    @Test
    void onlyTheFirst72BytesCountAsInEveryBcrypt() {
        String long80 = "0123456789".repeat(8);
        PasswordCredentialModel credential = stored(credential("bcrypt", bcrypt("2b", long80), null, null));
        assertTrue(bcrypt.verify(long80, credential));
        assertTrue(bcrypt.verify(long80.substring(0, 72) + "different tail", credential));
        assertFalse(bcrypt.verify(long80.substring(0, 71), credential));
    }

    @Test
    void aMalformedStoredValueIsRefusedNotThrown() {
        assertFalse(bcrypt.verify("", PasswordCredentialModel.createFromValues(BcryptPasswordHashProviderFactory.ID, null, 4, "$2b$04$short")));
        assertFalse(bcrypt.verify("", PasswordCredentialModel.createFromValues(BcryptPasswordHashProviderFactory.ID, null, 4, null)));
        assertFalse(bcrypt.verify("x", PasswordCredentialModel.createFromValues(BcryptPasswordHashProviderFactory.ID, null, 4,
                "$2x$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")));
    }
}
