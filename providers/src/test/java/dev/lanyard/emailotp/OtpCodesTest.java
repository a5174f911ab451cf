package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class OtpCodesTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void codesHaveTheRequestedNumberOfDigits() {
        for (int length = 6; length <= 10; length++) {
            String code = OtpCodes.generate(random, length);
            assertEquals(length, code.length());
            assertTrue(code.chars().allMatch(c -> c >= '0' && c <= '9'), code);
        }
    }

    @Test
    void everyDigitAppearsInEveryPositionAboutEquallyOften() {
        int samples = 20_000;
        int[][] counts = new int[6][10];
        for (int i = 0; i < samples; i++) {
            String code = OtpCodes.generate(random, 6);
            for (int p = 0; p < 6; p++) {
                counts[p][code.charAt(p) - '0']++;
            }
        }
        // Expected 2000 per cell; a biased generator (e.g. modulo of a byte) would show far beyond ±15 %.
        for (int[] position : counts) {
            for (int count : position) {
                assertTrue(count > 1700 && count < 2300, "digit count " + count);
            }
        }
    }

    @Test
    void aHashMatchesOnlyItsCodeAndSalt() {
        String salt = OtpCodes.newSalt(random);
        String hash = OtpCodes.hash("123456", salt);
        assertTrue(OtpCodes.matches("123456", salt, hash));
        assertFalse(OtpCodes.matches("123457", salt, hash));
        assertFalse(OtpCodes.matches("123456", OtpCodes.newSalt(random), hash));
        assertNotEquals(hash, OtpCodes.hash("123456", OtpCodes.newSalt(random)), "Salted: same code, different hash");
        assertFalse(hash.contains("123456"));
    }

    @Test
    void normalizeKeepsDigitsAndRejectsTheRest() {
        assertEquals("123456", OtpCodes.normalize("123456"));
        assertEquals("123456", OtpCodes.normalize(" 123 456 "));
        assertEquals("123456", OtpCodes.normalize("123-456"));
        assertNull(OtpCodes.normalize("12345"));
        assertNull(OtpCodes.normalize("12345678901"));
        assertNull(OtpCodes.normalize("12345a"));
        assertNull(OtpCodes.normalize("１２３４５６"), "Full-width digits are not ASCII digits");
        assertNull(OtpCodes.normalize(null));
    }
}
