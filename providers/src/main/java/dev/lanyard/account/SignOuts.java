package dev.lanyard.account;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Ending a person's sign-ins after their password changed without them being signed in (a reset). */
public final class SignOuts {

    private SignOuts() {
    }

    /**
     * Ends every session and offline session of the person, so their refresh tokens stop working, and refuses every
     * token issued before now (a "not before" of the user), so a copied access token dies too.
     */
    public static void everywhere(KeycloakSession session, RealmModel realm, UserModel user) {
        session.sessions().removeUserSessions(realm, user);
        session.sessions().getOfflineUserSessionsStream(realm, user).toList()
                .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
    }

    /**
     * Ends every other session and every offline session of the person (a password change): the session that made the
     * change stays, so the app that called keeps working.
     */
    public static void allBut(KeycloakSession session, RealmModel realm, UserModel user, String keptSessionId) {
        session.sessions().getUserSessionsStream(realm, user).filter(s -> !s.getId().equals(keptSessionId)).toList()
                .forEach(s -> session.sessions().removeUserSession(realm, s));
        session.sessions().getOfflineUserSessionsStream(realm, user).toList()
                .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
    }
}
