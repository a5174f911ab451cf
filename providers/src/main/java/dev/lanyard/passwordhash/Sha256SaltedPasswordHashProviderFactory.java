package dev.lanyard.passwordhash;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Password hashing {@code lanyard-sha256-salted}: verifies salted SHA-256 hashes imported by a migration; hashes nothing new. */
public final class Sha256SaltedPasswordHashProviderFactory implements PasswordHashProviderFactory,
        LanyardProviderFactory<PasswordHashProvider> {

    public static final String ID = "lanyard-sha256-salted";

    private static final Sha256SaltedPasswordHashProvider SINGLETON = new Sha256SaltedPasswordHashProvider();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordHashProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public int order() {
        // Below Keycloak's own, so it is never the default hashing of a realm without one in its policy.
        return -1000;
    }
}
