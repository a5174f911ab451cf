package dev.lanyard.passcode;

import dev.lanyard.emailotp.IssueOutcome;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A passcode mailed on the system's initiative rather than the person's request (an enrollment's first password):
 * the same passcode as {@code /user/send-passcode} sends, with the requesting site's settings, redeemed at
 * {@code /user/change-password-from-passcode}.
 */
public final class PasscodeMail {

    private PasscodeMail() {
    }

    /** Mails a passcode once the session's transaction commits; {@link IssueOutcome#COOLDOWN} if one went out just now. */
    public static IssueOutcome send(KeycloakSession session, RealmModel realm, ClientModel site, UserModel user) {
        return new Passcodes(session).send(user.getEmail(), user, Passcodes.settings(realm, site));
    }
}
