package dev.lanyard.emailotp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generation, hashing and comparison of numeric one-time codes.
 * <p>
 * Only a salted SHA-256 of a code is ever stored, so a code cannot be read back from a cache,
 * a database row or a heap dump; comparison is constant-time.
 */
public final class OtpCodes {

    private static final int SALT_BYTES = 16;

    private OtpCodes() {
    }

    /** A code of {@code length} decimal digits, uniformly distributed, leading zeros allowed. */
    public static String generate(SecureRandom random, int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    public static String newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    public static String hash(String code, String salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Base64.getDecoder().decode(salt));
            return Base64.getEncoder().encodeToString(sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Constant-time check of a submitted code against a stored salted hash. */
    public static boolean matches(String submitted, String salt, String expectedHash) {
        byte[] actual = hash(submitted, salt).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = expectedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected);
    }

    /**
     * What a person typed, as a code: surrounding and inner spaces or dashes removed ("123 456",
     * "123-456"). Returns {@code null} when the rest is not a plausible code (non-digits, wrong length).
     */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String compact = input.replaceAll("[\\s-]", "");
        if (compact.length() < EmailOtpConfig.MIN_CODE_LENGTH || compact.length() > EmailOtpConfig.MAX_CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return compact;
    }
}
