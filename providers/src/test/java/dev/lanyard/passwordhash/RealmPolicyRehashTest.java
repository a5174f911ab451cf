package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.base64;
import static dev.lanyard.passwordhash.LegacyCredentials.bcrypt;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.pbkdf2;
import static dev.lanyard.passwordhash.LegacyCredentials.stored;
import static dev.lanyard.passwordhash.LegacyCredentials.utf8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.crypto.hash.Argon2Parameters;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * After a successful sign-in, Keycloak's PasswordCredentialProvider asks the realm policy's hash provider
 * (argon2 unless the policy names another) whether the stored credential matches it, and re-hashes the password
 * when it does not. Every imported legacy credential must get that "no", whatever the policy.
 */
class RealmPolicyRehashTest {

    private static final byte[] SALT = utf8("per-user salt!");

    @BeforeAll
    static void keycloakCrypto() {
        LegacyCredentials.keycloakCrypto();
    }

    @Test
    void noPolicyProviderAcceptsALegacyCredential() {
        // bcrypt cost 5 is argon2's default iteration count: the check must not stop at the iteration count.
        String cost5 = OpenBSDBCrypt.generate("2b", "pw".toCharArray(), utf8("sixteen byte slt"), 5);
        List<PasswordCredentialModel> legacy = List.of(
                stored(credential("bcrypt", bcrypt("2a", "pw"), null, null)),
                stored(credential("bcrypt", cost5, null, null)),
                stored(credential("pbkdf2-sha256", base64(pbkdf2("PBKDF2WithHmacSHA256", "pw", SALT, 27_500, 32)), base64(SALT), 27_500)),
                stored(credential("pbkdf2-sha512", base64(pbkdf2("PBKDF2WithHmacSHA512", "pw", SALT, 25_000, 64)), base64(SALT), 25_000)),
                stored(credential("sha256-salted", base64(new byte[32]), base64(SALT), null)));
        for (PasswordCredentialModel credential : legacy) {
            String what = credential.getPasswordCredentialData().getAlgorithm();
            for (PasswordHashProvider policy : List.of(argon2(), pbkdf2Sha256(), pbkdf2Sha512())) {
                assertFalse(policy.policyCheck(null, credential), what + " kept under " + policy.getClass().getSimpleName());
                assertFalse(policy.policyCheck(PasswordPolicy.empty(), credential), what);
            }
            assertFalse(new BcryptPasswordHashProviderFactory().create(null).policyCheck(PasswordPolicy.empty(), credential));
            assertFalse(new Sha256SaltedPasswordHashProviderFactory().create(null).policyCheck(PasswordPolicy.empty(), credential));
        }
    }

    @Test
    void aLegacyPbkdf2HashAlreadyAtThePolicyIsKept() {
        // Keycloak's pbkdf2-sha512 parameters (210,000 iterations, 64-byte key): nothing to re-hash.
        int iterations = Pbkdf2Sha512PasswordHashProviderFactory.DEFAULT_ITERATIONS;
        PasswordCredentialModel credential = stored(credential("pbkdf2-sha512",
                base64(pbkdf2("PBKDF2WithHmacSHA512", "pw", SALT, iterations, 64)), base64(SALT), iterations));
        assertTrue(pbkdf2Sha512().policyCheck(PasswordPolicy.empty(), credential));
        assertFalse(argon2().policyCheck(PasswordPolicy.empty(), credential));
    }

    private static PasswordHashProvider argon2() {
        return new Argon2PasswordHashProvider(Argon2Parameters.DEFAULT_VERSION, Argon2Parameters.DEFAULT_TYPE,
                Argon2Parameters.DEFAULT_HASH_LENGTH, Argon2Parameters.DEFAULT_MEMORY, Argon2Parameters.DEFAULT_ITERATIONS,
                Argon2Parameters.DEFAULT_PARALLELISM, new Semaphore(1));
    }

    private static PasswordHashProvider pbkdf2Sha256() {
        return new Pbkdf2Sha256PasswordHashProviderFactory().create(null);
    }

    private static PasswordHashProvider pbkdf2Sha512() {
        return new Pbkdf2Sha512PasswordHashProviderFactory().create(null);
    }
}
