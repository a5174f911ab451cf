package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class OtpLedgerTest {

    private static final String KEY = "lanyard-email-otp:realm:browser:tab:user";

    private final MutableClock clock = new MutableClock();
    private final MapChallengeStore store = new MapChallengeStore(clock);
    private final OtpLedger ledger = new OtpLedger(store, clock, new SecureRandom());
    private final EmailOtpConfig config = EmailOtpConfig.defaults();

    @Test
    void theCodeThatWasIssuedIsAcceptedOnce() {
        String code = ledger.issue(KEY, config);

        assertEquals(6, code.length());
        assertEquals(OtpVerdict.ACCEPTED, ledger.verify(KEY, code));
        assertEquals(OtpVerdict.NO_CODE, ledger.verify(KEY, code));
    }

    @Test
    void typedSpacesAndDashesAreIgnored() {
        String code = ledger.issue(KEY, config);
        assertEquals(OtpVerdict.ACCEPTED, ledger.verify(KEY, " " + code.substring(0, 3) + "-" + code.substring(3) + " "));
    }

    @Test
    void onlyItsHashIsStored() {
        String code = ledger.issue(KEY, config);
        Map<String, String> notes = store.get(KEY);
        assertFalse(notes.values().stream().anyMatch(v -> v.contains(code)), "The code itself must not be stored");
    }

    @Test
    void aWrongCodeIsRefusedAndUsesATry() {
        String code = ledger.issue(KEY, config);
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(code)));
        assertEquals(OtpVerdict.ACCEPTED, ledger.verify(KEY, code));
    }

    @Test
    void theLastWrongTryVoidsTheCode() {
        String code = ledger.issue(KEY, config);
        for (int i = 0; i < config.maxAttempts(); i++) {
            assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(code)));
        }
        assertEquals(OtpVerdict.ATTEMPTS_EXHAUSTED, ledger.verify(KEY, code), "Voided after " + config.maxAttempts() + " wrong tries");
    }

    @Test
    void malformedInputCountsAsAWrongTry() {
        String code = ledger.issue(KEY, config);
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, "abc"));
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, null));
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, code + "0"));
        assertEquals(OtpVerdict.ATTEMPTS_EXHAUSTED, ledger.verify(KEY, code));
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        String code = ledger.issue(KEY, config);
        clock.advance(Duration.ofSeconds(config.lifetimeSeconds() - 1));
        String stillValid = code;
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(stillValid)));

        clock.advance(Duration.ofSeconds(1));
        assertTrue(ledger.verify(KEY, code) != OtpVerdict.ACCEPTED);
    }

    @Test
    void expiryIsReportedAsSuchWhileTheStoreStillHoldsTheEntry() {
        // Keycloak's store may outlive the code by clock skew or time offset; the rules check the time themselves.
        String code = ledger.issue(KEY, EmailOtpConfig.from(Map.of(EmailOtpConfig.LIFETIME_SECONDS, "60")));
        Map<String, String> notes = store.get(KEY);
        store.put(KEY, 3600, notes);
        clock.advance(Duration.ofSeconds(61));
        assertEquals(OtpVerdict.EXPIRED, ledger.verify(KEY, code));
    }

    @Test
    void aNewCodeVoidsThePreviousOneAndGetsFreshTries() {
        String first = ledger.issue(KEY, config);
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(first)));
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(first)));
        String second = ledger.issue(KEY, config);

        if (!first.equals(second)) {
            assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, first));
        }
        assertEquals(OtpVerdict.WRONG_CODE, ledger.verify(KEY, other(second)));
        assertEquals(OtpVerdict.ACCEPTED, ledger.verify(KEY, second), "Tries are counted per code");
    }

    @Test
    void codesAreBoundToTheirKey() {
        String code = ledger.issue(KEY, config);
        assertEquals(OtpVerdict.NO_CODE, ledger.verify(KEY + "-other-tab", code));
        assertEquals(OtpVerdict.ACCEPTED, ledger.verify(KEY, code));
    }

    @Test
    void aCheckedCodeStaysValidUntilUsed() {
        String code = ledger.issue(KEY, config);
        OtpCheck first = ledger.check(KEY, code);
        assertEquals(OtpVerdict.ACCEPTED, first.verdict());
        OtpCheck second = ledger.check(KEY, code);
        assertEquals(OtpVerdict.ACCEPTED, second.verdict(), "Not used up by a check");

        assertEquals(OtpVerdict.ACCEPTED, ledger.use(second));
        assertEquals(OtpVerdict.NO_CODE, ledger.use(first), "Only one use");
        assertEquals(OtpVerdict.NO_CODE, ledger.check(KEY, code).verdict(), "A used code no longer checks");
    }

    @Test
    void checksUseTries() {
        String code = ledger.issue(KEY, config);
        for (int i = 0; i < config.maxAttempts(); i++) {
            assertEquals(OtpVerdict.ACCEPTED, ledger.check(KEY, code).verdict());
        }
        assertEquals(OtpVerdict.ATTEMPTS_EXHAUSTED, ledger.check(KEY, code).verdict());
    }

    @Test
    void theCooldownRefusesAResendUntilItIsOver() {
        assertTrue(ledger.tryStartCooldown(KEY, config));
        assertFalse(ledger.tryStartCooldown(KEY, config));
        clock.advance(Duration.ofSeconds(config.resendCooldownSeconds()));
        assertTrue(ledger.tryStartCooldown(KEY, config));
    }

    @Test
    void aZeroCooldownNeverRefuses() {
        EmailOtpConfig noCooldown = EmailOtpConfig.from(Map.of(EmailOtpConfig.RESEND_COOLDOWN_SECONDS, "0"));
        assertTrue(ledger.tryStartCooldown(KEY, noCooldown));
        assertTrue(ledger.tryStartCooldown(KEY, noCooldown));
    }

    @Test
    void theConfiguredLengthIsUsed() {
        String code = ledger.issue(KEY, EmailOtpConfig.from(Map.of(EmailOtpConfig.CODE_LENGTH, "8")));
        assertEquals(8, code.length());
        assertTrue(code.chars().allMatch(Character::isDigit));
    }

    @Test
    void ofManyConcurrentCorrectSubmissionsExactlyOneWins() throws Exception {
        for (int round = 0; round < 200; round++) {
            String code = ledger.issue(KEY, config);
            List<OtpVerdict> verdicts = submitConcurrently(code, 8);
            assertEquals(1, count(verdicts, OtpVerdict.ACCEPTED), "round " + round + ": " + verdicts);
        }
    }

    @Test
    void aCorrectCodeAmongConcurrentWrongOnesIsNotLostToThem() throws Exception {
        // Wrong guesses racing a person's right code must not void the code under them.
        EmailOtpConfig oneTryEach = EmailOtpConfig.from(Map.of(EmailOtpConfig.MAX_ATTEMPTS, "10"));
        for (int round = 0; round < 100; round++) {
            String code = ledger.issue(KEY, oneTryEach);
            List<OtpVerdict> verdicts = submitConcurrently(List.of(code, other(code), other(code), other(code)));
            assertEquals(OtpVerdict.ACCEPTED, verdicts.get(0), "round " + round + ": " + verdicts);
        }
    }

    @Test
    void concurrentWrongSubmissionsCannotExceedTheTries() throws Exception {
        String code = ledger.issue(KEY, EmailOtpConfig.from(Map.of(EmailOtpConfig.MAX_ATTEMPTS, "3")));
        List<OtpVerdict> verdicts = submitConcurrently(other(code), 16);
        assertEquals(3, count(verdicts, OtpVerdict.WRONG_CODE), "Only three tries were granted: " + verdicts);
        assertEquals(OtpVerdict.ATTEMPTS_EXHAUSTED, ledger.verify(KEY, code));
    }

    private List<OtpVerdict> submitConcurrently(String submitted, int threads) throws Exception {
        return submitConcurrently(java.util.Collections.nCopies(threads, submitted));
    }

    private List<OtpVerdict> submitConcurrently(List<String> submissions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(submissions.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OtpVerdict>> futures = new ArrayList<>();
            for (String submitted : submissions) {
                Callable<OtpVerdict> task = () -> {
                    start.await();
                    return ledger.verify(KEY, submitted);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<OtpVerdict> verdicts = new ArrayList<>();
            for (Future<OtpVerdict> f : futures) {
                verdicts.add(f.get());
            }
            return verdicts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<OtpVerdict> verdicts, OtpVerdict verdict) {
        return verdicts.stream().filter(v -> v == verdict).count();
    }

    private static String other(String code) {
        char last = code.charAt(code.length() - 1);
        String other = code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertNotEquals(code, other);
        return other;
    }
}
