package dev.lanyard.passcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpStep;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Password Reset Workflow" as a site integrates it: send a passcode, check it, set a new password with it.
 * The person's other sign-ins end; a passcode and a sign-in code never stand in for each other.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class PasscodeIT {

    private static final String NEW_PASSWORD = Secrets.record("Reset-pass-2027");

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aPasscodeResetsThePasswordOnceAndEndsTheOtherSignIns() throws Exception {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "reset");
        JsonNode before = Accounts.signIn(site, person.email(), Accounts.PASSWORD);

        assertEquals(202, send(site, person.email()).status());
        String passcode = mailbox.awaitCode(person.email(), 2);
        assertTrue(mailbox.awaitMessage(person.email(), 2).getSubject().contains("reset your password"));

        Reply found = find(site, person.email(), passcode);
        assertEquals(200, found.status(), found.body());
        assertTrue(found.json().get("valid").asBoolean() && found.json().get("expiresIn").asInt() > 0, found.body());
        assertEquals(200, find(site, person.email(), passcode).status(), "find-code does not spend the passcode");

        Reply changed = change(site, person.email(), passcode, NEW_PASSWORD);
        assertEquals(200, changed.status(), changed.body());
        assertEquals("PASSWORD_CHANGED", changed.code());

        Reply refresh = Accounts.refresh(DemoRealm.SITE, DemoRealm.SITE_SECRET, before.get("refresh_token").asText());
        assertEquals(400, refresh.status(), "a refresh token from before the reset is dead: " + refresh.body());
        assertEquals(401, Accounts.userinfo(before.get("access_token").asText()).status(), "and so is the access token");

        assertEquals(401, Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD).status());
        Accounts.signIn(site, person.email(), NEW_PASSWORD);
        Reply reused = change(site, person.email(), passcode, "Another-pass-2028");
        assertEquals(400, reused.status());
        assertEquals("INVALID_PASSCODE", reused.code());
        assertTrue(mailbox.awaitMessage(person.email(), 3).getSubject().contains("was changed"), "a notice follows the change");
    }

    @Test
    void theRealmsPolicyAndHistoryApplyAndARefusedPasswordKeepsThePasscode() {
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "history");
        send(site, person.email());
        String passcode = mailbox.awaitCode(person.email(), 2);

        Reply weak = change(site, person.email(), passcode, "Wkq-zz");
        assertEquals(400, weak.status());
        assertEquals("PASSWORD_POLICY", weak.code());
        Reply old = change(site, person.email(), passcode, Accounts.PASSWORD);
        assertEquals(400, old.status());
        assertTrue(old.body().contains("passwordHistory"), "the current password is in the history: " + old.body());
        assertEquals(200, change(site, person.email(), passcode, NEW_PASSWORD).status(), "the passcode survived the refusals");
    }

    @Test
    void aSignInCodeNeverResetsAndAPasscodeNeverSignsIn() {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "purpose");

        assertEquals(202, Passwordless.send(site, person.email(), DemoRealm.SITE).status());
        String signInCode = mailbox.awaitCode(person.email(), 2);
        Reply asPasscode = change(site, person.email(), signInCode, NEW_PASSWORD);
        assertEquals(400, asPasscode.status());
        assertEquals("INVALID_PASSCODE", asPasscode.code());

        assertEquals(202, send(site, person.email()).status());
        String passcode = mailbox.awaitCode(person.email(), 3);
        Reply asSignInCode = Passwordless.login(site, DemoRealm.SITE, person.email(), passcode);
        assertEquals(401, asSignInCode.status());
        assertEquals("INVALID_OTP", asSignInCode.code());
        assertEquals(200, Passwordless.login(site, DemoRealm.SITE, person.email(), signInCode).status(), "each still works for its purpose");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String site = Passwordless.siteToken();
        String nobody = Accounts.uniqueEmail("nobody");
        Reply sent = send(site, nobody);
        assertEquals(202, sent.status());
        Registered person = Accounts.active(site, new Mailbox(mailServer), "known");
        assertEquals(400, find(site, person.email(), "123456").status(), "no passcode sent yet: nothing to find (the seed's order)");
        Reply known = send(site, person.email());
        assertEquals(known.body(), sent.body());
        assertEquals(400, find(site, nobody, "123456").status());
        assertTrue(new Mailbox(mailServer).messagesTo(nobody).isEmpty());
    }

    private static Reply send(String token, String email) {
        return Api.postJson(Accounts.USER + "/send-passcode", token, Api.json(Map.of("email", email, "siteId", DemoRealm.SITE)));
    }

    private static Reply find(String token, String email, String passcode) {
        return Api.postJson(Accounts.USER + "/find-code", token, Api.json(Map.of("email", email, "passcode", passcode)));
    }

    private static Reply change(String token, String email, String passcode, String password) {
        return Api.postJson(Accounts.USER + "/change-password-from-passcode", token,
                Api.json(Map.of("email", email, "passcode", passcode, "newPassword", Secrets.record(password))));
    }
}
