package dev.lanyard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B through Lanyard's TOTP code path (which uses Keycloak's TimeBasedOTP). */
class TotpCodesTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"
    })
    void rfc6238AppendixBVectors(long time, String sha1, String sha256, String sha512) {
        assertEquals(sha1, TotpCodes.at(SHA1_SEED, new TotpParameters("HmacSHA1", 8, 30), time));
        assertEquals(sha256, TotpCodes.at(SHA256_SEED, new TotpParameters("HmacSHA256", 8, 30), time));
        assertEquals(sha512, TotpCodes.at(SHA512_SEED, new TotpParameters("HmacSHA512", 8, 30), time));

        assertTrue(TotpCodes.matches(sha1, SHA1_SEED, new TotpParameters("HmacSHA1", 8, 30), 0, time));
        assertTrue(TotpCodes.matches(sha512, SHA512_SEED, new TotpParameters("HmacSHA512", 8, 30), 0, time));
    }

    @Test
    void theLookAroundWindowAcceptsNeighbouringPeriodsOnly() {
        TotpParameters sixDigits = new TotpParameters("HmacSHA1", 6, 30);
        long now = 1_800_000_015L;
        String previous = TotpCodes.at(SHA1_SEED, sixDigits, now - 30);
        String next = TotpCodes.at(SHA1_SEED, sixDigits, now + 30);
        String twoAhead = TotpCodes.at(SHA1_SEED, sixDigits, now + 60);

        assertTrue(TotpCodes.matches(previous, SHA1_SEED, sixDigits, 1, now));
        assertTrue(TotpCodes.matches(next, SHA1_SEED, sixDigits, 1, now));
        assertFalse(TotpCodes.matches(next, SHA1_SEED, sixDigits, 0, now), "no skew allowed");
        assertFalse(TotpCodes.matches(twoAhead, SHA1_SEED, sixDigits, 1, now));
    }

    @Test
    void malformedCodesNeverMatch() {
        TotpParameters sixDigits = new TotpParameters("HmacSHA1", 6, 30);
        String code = TotpCodes.at(SHA1_SEED, sixDigits, 1_800_000_000L);
        assertFalse(TotpCodes.matches(null, SHA1_SEED, sixDigits, 1, 1_800_000_000L));
        assertFalse(TotpCodes.matches(code + "0", SHA1_SEED, sixDigits, 1, 1_800_000_000L));
        assertFalse(TotpCodes.matches(" " + code.substring(1), SHA1_SEED, sixDigits, 1, 1_800_000_000L));
        assertFalse(TotpCodes.matches("１２３４５６", SHA1_SEED, sixDigits, 1, 1_800_000_000L));
    }
}
