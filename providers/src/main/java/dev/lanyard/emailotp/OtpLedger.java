package dev.lanyard.emailotp;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The rules of email one-time codes, over a {@link ChallengeStore}:
 * <ul>
 * <li>one pending code per key (a key binds a user to an authentication session or a site); issuing
 * a new one voids the previous one;</li>
 * <li>a code expires after its lifetime, allows a fixed number of tries, and is accepted once;</li>
 * <li>a resend is refused until the cooldown has passed.</li>
 * </ul>
 * Tries and single use are decided by the store's atomic {@code putIfAbsent}, so two nodes handling
 * the same code at the same moment cannot both accept it or exceed the tries.
 */
public final class OtpLedger {

    private static final String TRY_SUFFIX = ":try:";
    private static final String USED_SUFFIX = ":used:";
    private static final String COOLDOWN_SUFFIX = ":cooldown";

    private final ChallengeStore store;
    private final Clock clock;
    private final SecureRandom random;

    public OtpLedger(ChallengeStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Starts the resend cooldown for {@code key}; {@code false} if one is still running. Call it
     * before {@link #issue}, also for people who get no code, so both see the same answers.
     */
    public boolean tryStartCooldown(String key, EmailOtpConfig config) {
        if (config.resendCooldownSeconds() <= 0) {
            return true;
        }
        return store.putIfAbsent(key + COOLDOWN_SUFFIX, config.resendCooldownSeconds());
    }

    /** Creates a new code for {@code key}, replacing any pending one, and returns it (to be mailed, never stored). */
    public String issue(String key, EmailOtpConfig config) {
        String code = OtpCodes.generate(random, config.codeLength());
        String salt = OtpCodes.newSalt(random);
        long now = nowEpochSecond();
        OtpChallenge challenge = new OtpChallenge(UUID.randomUUID().toString(), salt, OtpCodes.hash(code, salt),
                now + config.lifetimeSeconds(), config.maxAttempts());
        store.put(key, config.lifetimeSeconds(), challenge.toNotes());
        return code;
    }

    /** Checks a submitted code (as typed) against the pending one for {@code key}, and uses it up. */
    public OtpVerdict verify(String key, String submitted) {
        return use(check(key, submitted));
    }

    /**
     * Checks a submitted code without using it up, for callers that need a second check (e.g. a TOTP)
     * before accepting: the code stays valid for a retry. A try is counted either way.
     */
    public OtpCheck check(String key, String submitted) {
        OtpChallenge challenge = OtpChallenge.fromNotes(store.get(key));
        if (challenge == null) {
            return OtpCheck.refused(OtpVerdict.NO_CODE);
        }
        String usedMark = key + USED_SUFFIX + challenge.id();
        if (store.contains(usedMark)) {
            return OtpCheck.refused(OtpVerdict.NO_CODE);
        }
        long now = nowEpochSecond();
        if (challenge.isExpired(now)) {
            return OtpCheck.refused(OtpVerdict.EXPIRED);
        }
        long remaining = Math.max(1, challenge.expiresAtEpochSecond() - now);

        // Entries are never removed, only left to expire: a removal racing a resend could delete the
        // new code, and one racing a right answer could void the code under it. Marks decide instead.
        if (!claimAttempt(key, challenge, remaining)) {
            return OtpCheck.refused(OtpVerdict.ATTEMPTS_EXHAUSTED);
        }
        String code = OtpCodes.normalize(submitted);
        if (code == null || !OtpCodes.matches(code, challenge.salt(), challenge.hash())) {
            return OtpCheck.refused(OtpVerdict.WRONG_CODE);
        }
        return new OtpCheck(OtpVerdict.ACCEPTED, usedMark, remaining);
    }

    /** Uses up a code that passed {@link #check}: of concurrent users of one code, the first to mark it wins. */
    public OtpVerdict use(OtpCheck check) {
        if (!check.verdict().accepted()) {
            return check.verdict();
        }
        return store.putIfAbsent(check.usedMark(), check.remainingSeconds()) ? OtpVerdict.ACCEPTED : OtpVerdict.NO_CODE;
    }

    /** Claims one of the code's tries; {@code false} when all are used. */
    private boolean claimAttempt(String key, OtpChallenge challenge, long remainingSeconds) {
        for (int attempt = 1; attempt <= challenge.maxAttempts(); attempt++) {
            if (store.putIfAbsent(key + TRY_SUFFIX + challenge.id() + ":" + attempt, remainingSeconds)) {
                return true;
            }
        }
        return false;
    }

    private long nowEpochSecond() {
        return clock.millis() / 1000L;
    }
}
