package dev.lanyard.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Secrets of Lanyard's own credential types (PINs, security answers) stored as Keycloak stores passwords: PBKDF2-SHA512
 * with its default iterations, in the password credential's data layout, with the type's own parameters (a key id,
 * a normaliser version) kept beside the hash.
 */
public final class HashedCredentials {

    public static final String HASH_PROVIDER = "pbkdf2-sha512";

    private HashedCredentials() {
    }

    /** A credential of {@code type} holding the hash of {@code secret} and {@code parameters}. */
    public static CredentialModel hash(KeycloakSession session, String type, String secret, Map<String, String> parameters) {
        PasswordCredentialModel hashed = hasher(session).encodedCredential(secret, -1);
        Map<String, List<String>> extra = new LinkedHashMap<>();
        parameters.forEach((name, value) -> extra.put(name, List.of(value)));
        PasswordCredentialModel stored = PasswordCredentialModel.createFromValues(hashed.getPasswordCredentialData().getAlgorithm(),
                hashed.getPasswordSecretData().getSalt(), hashed.getPasswordCredentialData().getHashIterations(), extra,
                hashed.getPasswordSecretData().getValue());
        stored.setType(type);
        return stored;
    }

    public static boolean matches(KeycloakSession session, String secret, CredentialModel stored) {
        return hasher(session).verify(secret, PasswordCredentialModel.createFromCredentialModel(stored));
    }

    /** One hash run, for a request that has nothing to check: its answer takes as long as one that has. */
    public static void sameCostAsACheck(KeycloakSession session) {
        hasher(session).encodedCredential("nothing to check", -1);
    }

    /** A parameter stored with the hash. */
    public static Optional<String> parameter(CredentialModel stored, String name) {
        Map<String, List<String>> extra = PasswordCredentialModel.createFromCredentialModel(stored).getPasswordCredentialData()
                .getAdditionalParameters();
        List<String> values = extra == null ? null : extra.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static PasswordHashProvider hasher(KeycloakSession session) {
        return session.getProvider(PasswordHashProvider.class, HASH_PROVIDER);
    }
}
