package dev.lanyard.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.MailText;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.ScreeningRealm;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/**
 * Seed 000 "User Registration Workflow" as a site integrates it: register, the activation mail, activate with its
 * token, sign in with the password. The seed's critical dependencies are each shown: no activation before
 * registration (no token), no sign-in before activation.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class AccountLifecycleIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void registerActivateAndSignIn() throws Exception {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.register(site, "lifecycle");

        UserRepresentation stored = realm.admin().users().get(person.userId()).toRepresentation();
        assertEquals(person.email(), stored.getEmail());
        assertTrue(stored.getRequiredActions().contains("lanyard-activation"), "held until activated");
        assertTrue(realm.admin().users().get(person.userId()).credentials().stream().anyMatch(c -> "password".equals(c.getType())),
                "the password is Keycloak's credential");

        Reply early = Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD);
        assertEquals(403, early.status(), early.body());
        assertEquals("ACCOUNT_NOT_ACTIVATED", early.code());

        String link = Accounts.activationLink(mailbox, person.email(), 1);
        assertTrue(MailText.html(mailbox.awaitMessage(person.email(), 1)).contains("href=\"" + link.replace("&", "&amp;") + "\"")
                || MailText.html(mailbox.awaitMessage(person.email(), 1)).contains(link), "the HTML part links the same");
        Reply activated = Accounts.activate(site, person.userId(), Accounts.tokenOf(link));
        assertEquals(200, activated.status(), activated.body());
        assertEquals("ACTIVE", activated.json().get("status").asText());
        assertTrue(realm.admin().users().get(person.userId()).toRepresentation().isEmailVerified(), "the link proved the mailbox");

        Reply again = Accounts.activate(site, person.userId(), Accounts.tokenOf(link));
        assertEquals(409, again.status(), again.body());
        assertEquals("ALREADY_ACTIVE", again.code());

        JsonNode tokens = Accounts.signIn(site, person.email(), Accounts.PASSWORD);
        Reply userinfo = Accounts.userinfo(tokens.get("access_token").asText());
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals(person.email(), userinfo.json().get("email").asText());

        Reply wrong = Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), "Not-the-password-1");
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("INVALID_CREDENTIALS", wrong.code());
        Reply unknown = Accounts.passwordLogin(site, DemoRealm.SITE, "username", "nobody-" + person.userId(), Accounts.PASSWORD);
        assertEquals(401, unknown.status());
        assertEquals(wrong.body(), unknown.body(), "an unknown account gets the answer of a wrong password");
    }

    /** Wrong passwords count in Keycloak's brute-force detector (the admin console's brute-force status shows them). */
    @Test
    void wrongPasswordsLockTheAccountInKeycloaksDetector() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "lockout");
        for (int i = 1; i <= DemoRealm.FAILURE_FACTOR; i++) {
            assertEquals(401, Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Secrets.record("Wrong-pass-" + i)).status());
        }
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(person.userId());
        assertEquals(DemoRealm.FAILURE_FACTOR, ((Number) status.get("numFailures")).intValue(), status.toString());
        Reply locked = Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD);
        assertEquals(403, locked.status(), locked.body());
        assertEquals("ACCOUNT_LOCKED", locked.code());
        realm.admin().attackDetection().clearBruteForceForUser(person.userId());
        Accounts.signIn(site, person.email(), Accounts.PASSWORD);
    }

    @Test
    void theRealmsPasswordPolicyNamesEveryBrokenRuleInThePersonsLanguage() {
        String site = Passwordless.siteToken();
        String email = Accounts.uniqueEmail("policy");
        Reply tooWeak = Accounts.register(site, email, "Xwq-pz", "Policy", "Tester", null);
        assertEquals(400, tooWeak.status(), tooWeak.body());
        assertEquals("PASSWORD_POLICY", tooWeak.code());
        assertEquals(List.of("length", "digits"), rules(tooWeak), tooWeak.body());

        Reply sameAsEmail = Accounts.register(site, email, email, "Policy", "Tester", null);
        assertTrue(rules(sameAsEmail).containsAll(List.of("notUsername", "notEmail")), sameAsEmail.body());

        Reply german = Accounts.register(site, email, "Kwz-Yq", "Policy", "Tester", "de");
        assertEquals(400, german.status());
        assertTrue(german.json().get("message").asText().contains("Ungültiges Passwort"), german.body());

        assertEquals(0, realm.admin().users().searchByEmail(email, true).size(), "a refused registration leaves no account");
        assertTrue(new Mailbox(mailServer).messagesTo(email).isEmpty(), "and sends no mail");
    }

    @Test
    void aTakenAddressIs409AndAnInvalidOneIs400() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.register(site, "taken");
        Reply twice = Accounts.register(site, person.email().toUpperCase(), Accounts.PASSWORD, "Taken", "Tester", null);
        assertEquals(409, twice.status(), twice.body());
        assertEquals("EMAIL_IN_USE", twice.code());

        Reply invalid = Accounts.register(site, "not-an-address", Accounts.PASSWORD, "Invalid", "Tester", null);
        assertEquals(400, invalid.status());
        assertEquals("INVALID_EMAIL", invalid.code());

        Reply stranger = Accounts.register(Api.clientToken(DemoRealm.NAME, DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET),
                Accounts.uniqueEmail("notallowed"), Accounts.PASSWORD, "Not", "Allowed", null);
        assertEquals(403, stranger.status(), "a client that may not act for the site: " + stranger.body());
        assertEquals("SITE_NOT_ALLOWED", stranger.code());
    }

    @Test
    void forgedReusedExpiredOrAnotherPersonsTokensChangeNothing() {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered first = Accounts.register(site, "tokens-a");
        Registered second = Accounts.register(site, "tokens-b");
        String firstToken = Accounts.tokenOf(Accounts.activationLink(mailbox, first.email(), 1));
        String secondToken = Accounts.tokenOf(Accounts.activationLink(mailbox, second.email(), 1));

        String forged = firstToken.substring(0, firstToken.length() - 4) + (firstToken.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRefused(Accounts.activate(site, first.userId(), forged), "INVALID_ACTIVATION_TOKEN");
        assertRefused(Accounts.activate(site, first.userId(), "not-a-token"), "INVALID_ACTIVATION_TOKEN");
        assertRefused(Accounts.activate(site, first.userId(), secondToken), "INVALID_ACTIVATION_TOKEN");
        assertRefused(Accounts.activate(site, "no-such-user", firstToken), "INVALID_ACTIVATION_TOKEN");
        assertTrue(pending(first.userId()) && pending(second.userId()), "refused tokens activate nobody");

        assertEquals(200, Accounts.activate(site, first.userId(), firstToken).status());
        timeOffSet.set(13 * 3600); // past the realm's admin-initiated action token lifespan (12 h)
        try {
            Reply expired = Accounts.activate(Passwordless.siteToken(), second.userId(), secondToken);
            assertRefused(expired, "ACTIVATION_TOKEN_EXPIRED");
            assertTrue(pending(second.userId()));
        } finally {
            timeOffSet.set(0);
        }
    }

    @Test
    void aRegistrationIsScreenedLikeKeycloaksOwn() {
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv")),
                "The OFAC snapshot is expected at " + LanyardServer.OFAC_SNAPSHOT);
        String compliance = complianceToken();
        Reply listed = Accounts.register(Passwordless.siteToken(), Accounts.uniqueEmail("noriega"), Accounts.PASSWORD,
                "Manuel Antonio", "Noriega", null);
        assertEquals(201, listed.status(), listed.body());
        JsonNode screening = ScreeningRealm.awaitScreenings(DemoRealm.NAME, compliance, listed.json().get("userId").asText(), 1);
        assertEquals("POTENTIAL_MATCH", screening.get("status").asText(), screening.toString());
        assertEquals("REGISTER", screening.get("trigger").asText());
    }

    private boolean pending(String userId) {
        return realm.admin().users().get(userId).toRepresentation().getRequiredActions().contains("lanyard-activation");
    }

    private static void assertRefused(Reply reply, String code) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals(code, reply.code(), reply.body());
    }

    private static List<String> rules(Reply reply) {
        List<String> rules = new ArrayList<>();
        reply.json().path("violations").forEach(v -> rules.add(v.get("rule").asText()));
        return rules;
    }

    /** A service account of the demo realm with manage-users, made once, for reading screenings. */
    private String complianceToken() {
        if (realm.admin().clients().findByClientId("lifecycle-compliance").isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId("lifecycle-compliance");
            client.setSecret("lifecycle-compliance-secret");
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setPublicClient(false);
            realm.admin().clients().create(client).close();
            ScreeningRealm.grantRealmManagementRoles(realm.admin(), "lifecycle-compliance", "manage-users");
        }
        return Api.clientToken(DemoRealm.NAME, "lifecycle-compliance", "lifecycle-compliance-secret");
    }
}
