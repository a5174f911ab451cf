package dev.lanyard.pin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;

import dev.lanyard.account.HashedCredentials;
import org.keycloak.credential.CredentialModel;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How a PIN is stored: first a keyed HMAC-SHA512 with the realm's HS512 key (Realm settings → Keys; kept in Keycloak's
 * key store, not in the credential table), then Keycloak's PBKDF2-SHA512 like a password ({@link HashedCredentials}).
 * A 4-6 digit secret has at most a million values: without the key, a leaked credential table cannot be searched
 * offline. The key's id is kept with the hash, so a rotated key (left passive) still verifies older PINs; a deleted
 * key ends them.
 */
final class PinSecrets {

    static final String KEY_ID = "keyId";
    static final String TEMPORARY = "temporary";

    private PinSecrets() {
    }

    /** A stored form of {@code pin} of credential type {@code type}; {@code temporary} for a PIN mailed by a reset. */
    static CredentialModel hash(KeycloakSession session, RealmModel realm, String pin, String type, boolean temporary) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        return HashedCredentials.hash(session, type, keyed(key, pin), Map.of(KEY_ID, key.getKid(), TEMPORARY, Boolean.toString(temporary)));
    }

    /** Whether {@code pin} is the one {@code stored} holds. */
    static boolean matches(KeycloakSession session, RealmModel realm, String pin, CredentialModel stored) {
        KeyWrapper key = HashedCredentials.parameter(stored, KEY_ID).map(kid -> session.keys().getKey(realm, kid, KeyUse.SIG, Algorithm.HS512))
                .orElse(null);
        if (key == null) {
            return false; // the key was deleted: the PIN can no longer be checked, only reset
        }
        return HashedCredentials.matches(session, keyed(key, pin), stored);
    }

    private static String keyed(KeyWrapper key, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key.getSecretKey());
            return HexFormat.of().formatHex(mac.doFinal(pin.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 with the realm's HS512 key failed", e);
        }
    }
}
