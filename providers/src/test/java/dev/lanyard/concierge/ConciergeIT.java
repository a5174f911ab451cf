package dev.lanyard.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.IssuerClients;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Concierge Customer Service Workflow" as a desk uses it: an agent of issuer A (and A's back office) sees A's
 * cardholder and gets the same 404 for B's and for nobody; the history is paged and names who looked; send-code mails
 * the cardholder a passcode the agent never sees, once per cooldown.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class ConciergeIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void anAgentSeesItsIssuersCardholdersOnlyReadsTheirHistoryAndSendsAPasscode() {
        String issuerA = IssuerClients.unique("issuer-a");
        String issuerB = IssuerClients.unique("issuer-b");
        String siteA = IssuerClients.site(realm, issuerA);
        String siteB = IssuerClients.site(realm, issuerB);
        String backOffice = IssuerClients.backOffice(realm, issuerA);
        String digits = String.valueOf(System.nanoTime() % 10_000);
        String local = String.format("%04d", Integer.parseInt(digits));
        TestUsers.TestUser a = TestUsers.create(realm, "holder");
        realm.admin().users().get(a.id()).update(withPhone(realm, a.id(), "+1 (555) 017-" + local));
        IssuerClients.register(siteA, a.id());
        TestUsers.TestUser b = TestUsers.create(realm, "other");
        IssuerClients.register(siteB, b.id());
        Passwordless.signIn(new Mailbox(mailServer), a); // a sign-in for the history

        String office = IssuerClients.token(backOffice);
        Reply byEmail = details(office, "email", a.email());
        assertEquals(200, byEmail.status(), byEmail.body());
        JsonNode view = byEmail.json();
        assertEquals(a.id(), view.get("userId").asText());
        assertEquals("ACTIVE", view.get("status").asText());
        assertFalse(view.get("mfaEnrolled").asBoolean());
        assertEquals(1, view.get("siteRegistrations").size(), "only the caller's issuers' sites: " + view);
        assertEquals(siteA, view.get("siteRegistrations").get(0).get("siteId").asText());
        assertEquals(issuerA, view.get("siteRegistrations").get(0).get("issuer").asText());
        assertTrue(view.get("lastSignIn").asLong() > 0, "the sign-in is shown");
        for (String secretField : List.of("password", "credentials", "pin", "dateOfBirth", "ssn", "attributes")) {
            assertFalse(view.has(secretField), secretField + " is never shown");
        }
        assertEquals(a.id(), details(office, "phone", "555.017." + local).json().get("userId").asText(), "phone compared in E.164");
        assertEquals(a.id(), details(office, "userId", a.username()).json().get("userId").asText());

        Reply otherIssuers = details(office, "userId", b.id());
        Reply nobody = details(office, "email", "nobody-" + digits + "@lanyard.test");
        assertEquals(404, otherIssuers.status());
        assertEquals("CARDHOLDER_NOT_FOUND", otherIssuers.code());
        assertEquals(otherIssuers.body(), nobody.body(), "another issuer's cardholder and nobody: the same answer");
        assertEquals(400, details(office, "", "").status(), "exactly one criterion");

        // An agent of A by the concierge desk; a person without the role; a token without the scope.
        String agent = IssuerClients.agent(realm, issuerA, true);
        String agentToken = IssuerClients.agentToken(agent);
        assertEquals(200, details(agentToken, "userId", a.id()).status());
        assertEquals(404, details(agentToken, "userId", b.id()).status());
        Reply noRole = details(IssuerClients.agentToken(IssuerClients.agent(realm, issuerA, false)), "userId", a.id());
        assertEquals(403, noRole.status());
        assertEquals("NOT_AN_AGENT", noRole.code());
        String agentOfB = IssuerClients.agentToken(IssuerClients.agent(realm, issuerB, true));
        assertEquals(404, details(agentOfB, "userId", a.id()).status(), "B's agent does not see A's cardholder");
        Reply unscoped = details(IssuerClients.token(siteA), "userId", a.id());
        assertEquals(403, unscoped.status());
        assertEquals("INSUFFICIENT_SCOPE", unscoped.code());

        // History: newest first, paged; the reads are in it with their actor.
        Reply first = history(agentToken, a.id(), "&size=2");
        assertEquals(200, first.status(), first.body());
        long total = first.json().get("total").asLong();
        assertTrue(total >= 5, "sign-in and the reads so far: " + first.body());
        List<String> lines = new ArrayList<>();
        long previous = Long.MAX_VALUE;
        for (int page = 0; page * 2 < total; page++) {
            JsonNode entries = history(agentToken, a.id(), "&size=2&page=" + page).json().get("entries");
            for (JsonNode entry : entries) {
                assertTrue(entry.get("time").asLong() <= previous, "newest first");
                previous = entry.get("time").asLong();
                lines.add(entry.get("type").asText() + " by " + entry.get("actor").asText());
            }
        }
        assertTrue(lines.contains("LOGIN by " + DemoRealm.SITE), lines.toString());
        assertTrue(lines.contains("CONCIERGE_CARDHOLDER_DETAILS by " + agent), lines.toString());
        assertTrue(lines.contains("CONCIERGE_CARDHOLDER_DETAILS by " + backOffice), lines.toString());
        assertEquals(0, history(agentToken, a.id(), "&from=" + LocalDate.now().plusDays(2)).json().get("total").asInt());
        assertEquals(400, history(agentToken, a.id(), "&from=yesterday").status());
        assertEquals(404, history(agentToken, b.id(), "").status());

        // send-code: the mail goes to the cardholder, never to the agent; once per cooldown.
        Mailbox mailbox = new Mailbox(mailServer);
        int before = mailbox.messagesTo(a.email()).size();
        Reply sent = sendCode(agentToken, a.id(), siteA);
        assertEquals(202, sent.status(), sent.body());
        assertEquals("PASSCODE_SENT", sent.code());
        String passcode = mailbox.awaitCode(a.email(), before + 1);
        assertFalse(sent.body().contains(passcode), "the agent never sees the passcode");
        assertTrue(mailbox.messagesTo(agent + "@desk.lanyard.test").isEmpty(), "nothing to the agent");
        Reply again = sendCode(agentToken, a.id(), siteA);
        assertEquals(429, again.status(), again.body());
        assertEquals("RATE_LIMITED", again.code());
        assertEquals("SITE_NOT_FOUND", sendCode(agentToken, a.id(), siteB).code(), "a site of another issuer");
        assertEquals(404, sendCode(agentToken, b.id(), siteB).status());
        assertTrue(history(agentToken, a.id(), "&size=200").body().contains("CONCIERGE_SEND_CODE"), "send-code is audited");
    }

    private static org.keycloak.representations.idm.UserRepresentation withPhone(ManagedRealm realm, String id, String phone) {
        org.keycloak.representations.idm.UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        user.setAttributes(Map.of("phoneNumber", List.of(phone)));
        return user;
    }

    private static Reply details(String token, String field, String value) {
        String query = field.isEmpty() ? "" : "?" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return Api.get(base() + "/cardholder-details" + query, token);
    }

    private static Reply history(String token, String userId, String more) {
        return Api.get(base() + "/cardholder-history?userId=" + userId + more, token);
    }

    private static Reply sendCode(String token, String userId, String siteId) {
        return Api.postJson(base() + "/send-code", token, Api.json(Map.of("userId", userId, "siteId", siteId)));
    }

    private static String base() {
        return Api.realmUrl(DemoRealm.NAME) + "/concierge";
    }
}
