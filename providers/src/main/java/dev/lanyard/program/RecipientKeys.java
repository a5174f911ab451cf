package dev.lanyard.program;

import java.security.MessageDigest;
import java.util.Optional;

import dev.lanyard.userdata.EcUserDataCipher;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's EC encryption keys (a Keycloak key provider such as {@code ecdh-generated}, use {@code enc}, P-256),
 * active and passive: partners fetch the public half from the realm's JWKS and name it by its SHA-256 (publicKeyHash),
 * so a rotated key keeps opening what was sealed for it until it is removed.
 */
final class RecipientKeys {

    private final KeycloakSession session;
    private final RealmModel realm;

    RecipientKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Optional<EcUserDataCipher.RecipientKey> byHash(byte[] hash) {
        return session.keys().getKeysStream(realm)
                .filter(k -> KeyUse.ENC.equals(k.getUse()) && "EC".equals(k.getType()) && k.getPrivateKey() != null && k.getPublicKey() != null)
                .filter(k -> MessageDigest.isEqual(hash, sha256(k)))
                .findFirst().map(k -> new EcUserDataCipher.RecipientKey((java.security.PrivateKey) k.getPrivateKey(), k.getPublicKey().getEncoded()));
    }

    private static byte[] sha256(KeyWrapper key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getPublicKey().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
