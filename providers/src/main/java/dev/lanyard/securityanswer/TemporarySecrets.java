package dev.lanyard.securityanswer;

import java.security.SecureRandom;
import java.util.Locale;

import dev.lanyard.account.PasswordRules;
import dev.lanyard.pin.PinPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Temporary passwords and PINs that a reset mails: random, and under the realm's policies. */
final class TemporarySecrets {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!#$%*+-=?@";
    private static final int LENGTH = 16;

    private TemporarySecrets() {
    }

    /** 16 characters of every class (no look-alikes), drawn again until the password policy takes it. */
    static String password(KeycloakSession session, RealmModel realm, UserModel user, SecureRandom random) {
        for (int round = 0; round < 20; round++) {
            StringBuilder password = new StringBuilder();
            String all = UPPER + LOWER + DIGITS + SPECIAL;
            for (String pool : new String[]{UPPER, LOWER, DIGITS, SPECIAL}) {
                password.append(pool.charAt(random.nextInt(pool.length())));
            }
            while (password.length() < LENGTH) {
                password.append(all.charAt(random.nextInt(all.length())));
            }
            for (int i = password.length() - 1; i > 0; i--) { // shuffle: the classes' order tells nothing
                int j = random.nextInt(i + 1);
                char c = password.charAt(i);
                password.setCharAt(i, password.charAt(j));
                password.setCharAt(j, c);
            }
            if (PasswordRules.check(session, realm, user, password.toString(), Locale.ENGLISH).isEmpty()) {
                return password.toString();
            }
        }
        throw new IllegalStateException("No random password met the realm's password policy in 20 draws");
    }

    /** The policy's longest PIN (at most 8 digits), drawn again until the policy takes it. */
    static String pin(PinPolicy policy, SecureRandom random) {
        int length = Math.max(policy.minLength(), Math.min(policy.maxLength(), 8));
        for (int round = 0; round < 100; round++) {
            StringBuilder pin = new StringBuilder();
            for (int i = 0; i < length; i++) {
                pin.append((char) ('0' + random.nextInt(10)));
            }
            if (policy.broken(pin.toString()).isEmpty()) {
                return pin.toString();
            }
        }
        throw new IllegalStateException("No random PIN met the realm's PIN policy");
    }
}
