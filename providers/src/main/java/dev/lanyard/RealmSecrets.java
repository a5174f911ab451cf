package dev.lanyard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Secrets at rest without Lanyard keys of its own: a keyed hash (HMAC-SHA256 with the realm's active HS512 key) to
 * match values without storing them (seed 004's SSNs and phones), and sealing (AES-GCM with the realm's active AES
 * key, the key id in front, so a rotated key still opens what it sealed while it exists; the realm id as AAD) for
 * values that must come back (an identity, a DTS token). Both keys are Keycloak realm keys (Realm settings → Keys).
 * Rotating the HS512 key makes earlier hashes unmatchable.
 */
public final class RealmSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    public RealmSecrets(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** {@code kind}:{@code value} under the realm's HMAC key, hex. */
    public String hash(String kind, String value) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getSecretKey().getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** {@code <kid>.<base64(iv || ciphertext)>}. */
    public String seal(String plaintext) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.ENC, Algorithm.AES);
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getSecretKey().getEncoded(), "AES"), new GCMParameterSpec(128, iv));
            aes.updateAAD(realm.getId().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return key.getKid() + "." + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(String sealed) {
        int dot = sealed.indexOf('.');
        KeyWrapper key = session.keys().getKey(realm, sealed.substring(0, dot), KeyUse.ENC, Algorithm.AES);
        if (key == null) {
            throw new IllegalStateException("The realm key that sealed this identity is gone");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(dot + 1));
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getSecretKey().getEncoded(), "AES"), new GCMParameterSpec(128, bytes, 0, 12));
            aes.updateAAD(realm.getId().getBytes(StandardCharsets.UTF_8));
            return new String(aes.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed identity does not open", e);
        }
    }
}
