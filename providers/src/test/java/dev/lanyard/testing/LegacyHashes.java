package dev.lanyard.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Legacy credentials as the legacy system stored them, for the migration API's {@code credential}. */
public final class LegacyHashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyHashes() {
    }

    /** {@code version} is 2a, 2b or 2y. */
    public static Map<String, Object> bcrypt(String password, String version, int cost) {
        String hash = OpenBSDBCrypt.generate(version, password.toCharArray(), salt(16), cost);
        return Map.of("type", "password", "algorithm", "bcrypt", "hash", hash);
    }

    /** {@code algorithm} is pbkdf2-sha256 or pbkdf2-sha512; the legacy key length is {@code keyBytes}. */
    public static Map<String, Object> pbkdf2(String password, String algorithm, int iterations, int keyBytes) {
        byte[] salt = salt(16);
        String jca = algorithm.endsWith("512") ? "PBKDF2WithHmacSHA512" : "PBKDF2WithHmacSHA256";
        try {
            byte[] key = SecretKeyFactory.getInstance(jca)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8)).getEncoded();
            return Map.of("type", "password", "algorithm", algorithm, "hash", base64(key), "salt", base64(salt), "iterations", iterations);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** SHA-256(salt bytes + UTF-8 password). */
    public static Map<String, Object> sha256Salted(String password) {
        byte[] salt = salt(8);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            byte[] hash = digest.digest(password.getBytes(StandardCharsets.UTF_8));
            return Map.of("type", "password", "algorithm", "sha256-salted", "hash", base64(hash), "salt", base64(salt));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] salt(int length) {
        byte[] salt = new byte[length];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
