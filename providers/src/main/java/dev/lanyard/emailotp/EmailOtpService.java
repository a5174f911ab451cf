package dev.lanyard.emailotp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import dev.lanyard.account.Activation;
import dev.lanyard.account.BruteForce;
import dev.lanyard.metrics.LanyardMetrics;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * The one email-OTP service behind both the browser authenticator and the REST endpoints: same
 * rules ({@link OtpLedger}), same store (Keycloak's single-use objects, cluster-wide), same
 * brute-force detector (failures counted in the {@code otp} category).
 */
public final class EmailOtpService {

    /** The brute-force category failures are counted in; Keycloak's detector only counts known ones. */
    public static final String CREDENTIAL_CATEGORY = OTPCredentialModel.TYPE;

    private static final Logger LOG = Logger.getLogger(EmailOtpService.class);

    private final KeycloakSession session;
    private final OtpLedger ledger;
    private final CodePurpose purpose;

    /** The sign-in codes' service. */
    public EmailOtpService(KeycloakSession session) {
        this(session, CodePurpose.SIGN_IN);
    }

    public EmailOtpService(KeycloakSession session, CodePurpose purpose) {
        this.session = session;
        this.purpose = purpose;
        this.ledger = new OtpLedger(new SingleUseObjectChallengeStore(session.singleUseObjects()),
                KeycloakClock.INSTANCE, new SecureRandom());
    }

    /**
     * Sends a new code to {@code user} if it can receive one. {@code identifier} is what the requester
     * typed; it keys the cooldown of people without an account, so they get the same answers.
     */
    public IssueOutcome requestCode(RealmModel realm, OtpBinding binding, String identifier, UserModel user, EmailOtpConfig config) {
        String key = key(realm, binding, identifier, user);
        IssueOutcome outcome;
        if (!ledger.tryStartCooldown(key, config)) {
            outcome = IssueOutcome.COOLDOWN;
        } else if (!canReceiveCode(realm, user, config)) {
            outcome = IssueOutcome.NOT_SENT;
        } else {
            String code = ledger.issue(key, config);
            EmailOtpMailer.sendAfterCommit(session, realm, user, purpose, code, config.lifetimeSeconds());
            outcome = IssueOutcome.SENT;
            LanyardMetrics.countAfterCommit(session, LanyardMetrics.EMAIL_CODES, "realm", realm.getName(), "purpose", purposeTag(), "outcome", "sent");
        }
        LOG.debugf("Email %s for %s in realm %s, %s: %s", purpose.what, subject(user), realm.getName(), binding, outcome);
        return outcome;
    }

    /**
     * Checks a code; a user locked by the brute-force detector is refused before the code is looked at.
     * Without an account the same lookup runs (and finds nothing), so both take the same path.
     */
    public OtpVerdict verify(RealmModel realm, OtpBinding binding, String identifier, UserModel user, String submitted) {
        return use(check(realm, binding, identifier, user, submitted));
    }

    /** Like {@link #verify} but leaves a right code unused, for a second factor to be checked first. */
    public OtpCheck check(RealmModel realm, OtpBinding binding, String identifier, UserModel user, String submitted) {
        OtpCheck check;
        if (user != null && purpose.refusedWhileLocked && BruteForce.isLocked(session, realm, user)) {
            check = new OtpCheck(OtpVerdict.USER_LOCKED, null, 0);
        } else {
            check = ledger.check(key(realm, binding, identifier, user), submitted);
        }
        LOG.debugf("Email %s answer for %s in realm %s, %s: %s", purpose.what, subject(user), realm.getName(), binding, check.verdict());
        if (!check.verdict().accepted()) {
            LanyardMetrics.countAfterCommit(session, LanyardMetrics.EMAIL_CODES, "realm", realm.getName(), "purpose", purposeTag(), "outcome", "failed");
        }
        return check;
    }

    /** Uses up a checked code; {@link OtpVerdict#NO_CODE} if a concurrent request used it first. */
    public OtpVerdict use(OtpCheck check) {
        OtpVerdict verdict = ledger.use(check);
        if (verdict == OtpVerdict.ACCEPTED) {
            RealmModel realm = session.getContext().getRealm();
            LanyardMetrics.countAfterCommit(session, LanyardMetrics.EMAIL_CODES, "realm", realm == null ? "" : realm.getName(),
                    "purpose", purposeTag(), "outcome", "verified");
        }
        return verdict;
    }

    private String purposeTag() {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String subject(UserModel user) {
        return user == null ? "an unknown account" : "user " + user.getId();
    }

    /** Counts a failed code in Keycloak's brute-force detector (REST path; the browser flow does it itself). */
    public void recordFailure(RealmModel realm, UserModel user) {
        if (user != null) {
            BruteForce.failed(session, realm, user, CREDENTIAL_CATEGORY);
        }
    }

    /** Clears the failure count after a good code (REST path; the browser flow does it itself). */
    public void recordSuccess(RealmModel realm, UserModel user) {
        BruteForce.succeeded(session, realm, user, CREDENTIAL_CATEGORY);
    }

    /** Receiving the code proves the address: a pending email verification is done. */
    public static void markEmailVerified(UserModel user) {
        if (!user.isEmailVerified()) {
            user.setEmailVerified(true);
        }
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }

    private boolean canReceiveCode(RealmModel realm, UserModel user, EmailOtpConfig config) {
        if (user == null || !user.isEnabled() || user.getEmail() == null || user.getEmail().isBlank()) {
            return false;
        }
        if (purpose == CodePurpose.PASSWORD_RESET) {
            // Activate first; the domains allowed to sign in with a code do not restrict who may reset a password.
            return !Activation.isPending(user);
        }
        return config.allowedDomains().allows(user.getEmail()) && !BruteForce.isLocked(session, realm, user);
    }

    /** Known users are keyed by id; people without an account by a digest of what they typed. */
    private String key(RealmModel realm, OtpBinding binding, String identifier, UserModel user) {
        String subject = user != null ? user.getId() : "unknown:" + digest(identifier);
        return purpose.keyPrefix + realm.getId() + ":" + binding.id() + ":" + subject;
    }

    /** Identifiers of unknown people are not kept in cache keys as typed. */
    static String digest(String identifier) {
        String normalized = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
