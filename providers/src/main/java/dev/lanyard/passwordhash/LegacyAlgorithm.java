package dev.lanyard.passwordhash;

import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;

/**
 * The hash algorithms a migration may bring, each with the password hash provider that verifies it in Keycloak.
 * PBKDF2 goes to Keycloak's own providers: their verify() derives a key as long as the stored one, so a legacy
 * hash of any length checks there; bcrypt and salted SHA-256 have no Keycloak provider, so Lanyard brings one.
 */
public enum LegacyAlgorithm {

    BCRYPT("bcrypt", BcryptPasswordHashProviderFactory.ID),
    PBKDF2_SHA256("pbkdf2-sha256", Pbkdf2Sha256PasswordHashProviderFactory.ID),
    PBKDF2_SHA512("pbkdf2-sha512", Pbkdf2Sha512PasswordHashProviderFactory.ID),
    SHA256_SALTED("sha256-salted", Sha256SaltedPasswordHashProviderFactory.ID);

    private final String legacyName;
    private final String providerId;

    LegacyAlgorithm(String legacyName, String providerId) {
        this.legacyName = legacyName;
        this.providerId = providerId;
    }

    /** The name in the migration's credential object ({@code "algorithm"}). */
    public String legacyName() {
        return legacyName;
    }

    /** The algorithm stored in Keycloak's credential: the id of the password hash provider that verifies it. */
    public String providerId() {
        return providerId;
    }

    /** The algorithm of that legacy name (exact, case included), or null. */
    public static LegacyAlgorithm byLegacyName(String name) {
        for (LegacyAlgorithm algorithm : values()) {
            if (algorithm.legacyName.equals(name)) {
                return algorithm;
            }
        }
        return null;
    }
}
