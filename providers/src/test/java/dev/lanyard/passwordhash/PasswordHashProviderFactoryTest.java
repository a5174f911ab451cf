package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.base64;
import static dev.lanyard.passwordhash.LegacyCredentials.bcrypt;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.stored;
import static dev.lanyard.passwordhash.LegacyCredentials.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.lanyard.LanyardProviderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

class PasswordHashProviderFactoryTest {

    private static final Map<String, PasswordHashProviderFactory> REGISTERED = ServiceLoader.load(PasswordHashProviderFactory.class)
            .stream().map(ServiceLoader.Provider::get)
            .collect(Collectors.toMap(PasswordHashProviderFactory::getId, Function.identity(), (a, b) -> a));

    @Test
    void bothAreRegisteredWithKeycloaksOwn() {
        assertInstanceOf(BcryptPasswordHashProviderFactory.class, REGISTERED.get("lanyard-bcrypt"));
        assertInstanceOf(Sha256SaltedPasswordHashProviderFactory.class, REGISTERED.get("lanyard-sha256-salted"));
        assertTrue(REGISTERED.containsKey("pbkdf2-sha256"), "Keycloak's own, which verifies legacy PBKDF2");
        assertTrue(REGISTERED.containsKey("pbkdf2-sha512"));
        assertEquals("lanyard-bcrypt", LegacyAlgorithm.BCRYPT.providerId());
        assertEquals("lanyard-sha256-salted", LegacyAlgorithm.SHA256_SALTED.providerId());
        for (LegacyAlgorithm algorithm : LegacyAlgorithm.values()) {
            assertTrue(REGISTERED.containsKey(algorithm.providerId()), algorithm + " has a provider");
        }
    }

    @Test
    void theyAreLanyardsAndNeverTheDefault() {
        for (String id : new String[] {"lanyard-bcrypt", "lanyard-sha256-salted"}) {
            PasswordHashProviderFactory factory = REGISTERED.get(id);
            assertInstanceOf(LanyardProviderFactory.class, factory);
            // Keycloak's default hashing is the factory of highest order; its lowest is its deprecated SHA-1 PBKDF2 at -100.
            assertTrue(factory.order() < -100, id);
        }
    }

    @Test
    void theyOnlyVerify() {
        for (String id : new String[] {"lanyard-bcrypt", "lanyard-sha256-salted"}) {
            PasswordHashProvider provider = REGISTERED.get(id).create(null);
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> provider.encodedCredential("new password", -1));
            assertTrue(refused.getMessage().contains(id), refused.getMessage());
            assertTrue(refused.getMessage().contains("password policy"), refused.getMessage());
            @SuppressWarnings("deprecation")
            Runnable encode = () -> provider.encode("new password", -1);
            assertThrows(UnsupportedOperationException.class, encode::run, "the interface's default returns the password itself");
        }
    }

    @Test
    void policyCheckIsAlwaysFalseSoKeycloakReHashes() {
        PasswordCredentialModel bcrypt = stored(credential("bcrypt", bcrypt("2y", "pw"), null, null));
        PasswordCredentialModel salted = stored(credential("sha256-salted", base64(new byte[32]), base64(utf8("s")), null));
        PasswordHashProvider bcryptProvider = REGISTERED.get("lanyard-bcrypt").create(null);
        PasswordHashProvider saltedProvider = REGISTERED.get("lanyard-sha256-salted").create(null);
        for (PasswordPolicy policy : new PasswordPolicy[] {null, PasswordPolicy.empty()}) {
            assertFalse(bcryptProvider.policyCheck(policy, bcrypt));
            assertFalse(saltedProvider.policyCheck(policy, salted));
        }
    }
}
