package dev.lanyard.account;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Keycloak's brute-force detector, asked and told by Lanyard's REST sign-ins (a browser flow tells it itself).
 * The detector counts only the categories {@code password}, {@code otp} and {@code recovery-authn-codes}: a
 * secret of Lanyard's own reports under one of those, or it is never counted.
 */
public final class BruteForce {

    /**
     * The category Lanyard's own secrets (PINs, security answers) report under: the detector drops any other, so a
     * category of their own would never be counted.
     */
    public static final String PASSWORD = "password";

    private BruteForce() {
    }

    /** Locked for a while or for good; never while the realm's detection is off. */
    public static boolean isLocked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isTemporarilyDisabled(session, realm, user) || protector.isPermanentlyLockedOut(session, realm, user);
    }

    /** Counts a wrong secret of {@code category} (a credential type such as {@code password} or {@code otp}). */
    public static void failed(KeycloakSession session, RealmModel realm, UserModel user, String category) {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class).failedLogin(realm, user, session.getContext().getConnection(),
                    session.getContext().getUri(), Set.of(category));
        }
    }

    /** Clears the failures of {@code category} after a sign-in that got through. */
    public static void succeeded(KeycloakSession session, RealmModel realm, UserModel user, String category) {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class).successfulLogin(realm, user, session.getContext().getConnection(),
                    session.getContext().getUri(), Set.of(category));
        }
    }
}
