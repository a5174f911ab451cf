package dev.lanyard.emailotp;

import java.util.List;
import java.util.Map;

import dev.lanyard.mail.MailAfterCommit;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The mail with a code (sign-in code or reset passcode), sent once the request commits ({@link MailAfterCommit}). */
final class EmailOtpMailer {

    private EmailOtpMailer() {
    }

    static void sendAfterCommit(KeycloakSession session, RealmModel realm, UserModel user, CodePurpose purpose, String code,
                                int lifetimeSeconds) {
        MailAfterCommit.send(session, realm, user, new MailAfterCommit.Message(purpose.subjectKey, List.of(), purpose.template,
                Map.of("code", code, "ttlMinutes", Math.max(1, (lifetimeSeconds + 59) / 60)), purpose.what));
    }
}
