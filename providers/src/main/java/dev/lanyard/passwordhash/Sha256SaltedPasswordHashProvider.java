package dev.lanyard.passwordhash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordSecretData;

/** Verifies legacy salted SHA-256: SHA-256(salt bytes + UTF-8 password), hashed once. */
final class Sha256SaltedPasswordHashProvider extends LegacyPasswordHashProvider {

    static final int DIGEST_BYTES = 32;

    Sha256SaltedPasswordHashProvider() {
        super(Sha256SaltedPasswordHashProviderFactory.ID);
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        PasswordSecretData secret = credential.getPasswordSecretData();
        if (rawPassword == null || secret == null || secret.getSalt() == null || secret.getSalt().length == 0) {
            return false;
        }
        byte[] expected = decode(secret.getValue());
        if (expected == null || expected.length != DIGEST_BYTES) {
            return false;
        }
        MessageDigest sha256 = sha256();
        sha256.update(secret.getSalt());
        byte[] actual = sha256.digest(rawPassword.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] decode(String value) {
        try {
            return value == null ? null : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
