package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.ScreeningRealm;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Guest Enrollment Workflow" as a partner integrates it: enroll, the passcode mail, a password set with it,
 * a site login; a listed name held without mail until an officer clears it; consents kept and listed; each refusal
 * leaving no account; one person for one Idempotency-Key.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class EnrollmentIT {

    private static final String ENROLL = Accounts.USER + "/v2/enrollments";
    private static final String TERMS = "demo-terms";
    private static final String VERSION = "2026-01";
    private static final String NEW_PASSWORD = Secrets.record("Enrolled-pass-2027");
    private static final String BIRTH = Secrets.record("1961-07-13");

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aClearPersonGetsAPasscodeSetsAPasswordAndSignsIn() throws Exception {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        String email = Accounts.uniqueEmail("guest");
        Reply enrolled = enroll(site, DemoRealm.SITE, null, body(email, "Ava", "Harper", true));
        assertEquals(201, enrolled.status(), enrolled.body());
        assertEquals("ENROLLED", enrolled.json().get("status").asText());
        String userId = enrolled.json().get("userId").asText();

        UserRepresentation stored = realm.admin().users().get(userId).toRepresentation();
        assertEquals(email, stored.getEmail());
        assertTrue(stored.isEnabled());
        assertTrue(realm.admin().users().get(userId).credentials().stream().noneMatch(c -> "password".equals(c.getType())),
                "a passwordless account: no password credential");

        String passcode = mailbox.awaitCode(email, 1);
        Reply changed = Api.postJson(Accounts.USER + "/change-password-from-passcode", site,
                Api.json(Map.of("email", email, "passcode", passcode, "newPassword", NEW_PASSWORD)));
        assertEquals(200, changed.status(), changed.body());
        JsonNode tokens = Accounts.signIn(site, email, NEW_PASSWORD);
        assertEquals(200, Accounts.userinfo(tokens.get("access_token").asText()).status());

        Reply consents = Api.send(request(Api.realmUrl(DemoRealm.NAME) + "/user/v2/enrollments/" + userId + "/consents", site, DemoRealm.SITE)
                .GET().build());
        assertEquals(200, consents.status(), consents.body());
        JsonNode listed = consents.json().get("consents");
        assertEquals(2, listed.size(), consents.body());
        assertEquals(TERMS, listed.get(0).get("termsIdentifier").asText());
        assertEquals(VERSION, listed.get(0).get("termsVersion").asText());
        assertTrue(listed.get(0).get("accepted").asBoolean());
        assertEquals(DemoRealm.SITE, listed.get(0).get("clientId").asText());
        assertEquals("marketing", listed.get(1).get("termsIdentifier").asText(), "terms the site does not declare are stored as given");
        assertFalse(listed.get(1).get("accepted").asBoolean());

        Reply again = enroll(site, DemoRealm.SITE, null, body(email, "Ava", "Harper", true));
        assertEquals(409, again.status(), again.body());
        assertEquals("ALREADY_ENROLLED", again.json().get("code").asText());
        assertEquals(1, realm.admin().users().searchByEmail(email, true).size());
    }

    @Test
    void aListedNameIsHeldWithoutMailUntilAnOfficerClearsIt() {
        ClientRepresentation officer = new ClientRepresentation();
        officer.setClientId("enrollment-officer");
        officer.setSecret("enrollment-officer-secret");
        officer.setServiceAccountsEnabled(true);
        officer.setPublicClient(false);
        officer.setStandardFlowEnabled(false);
        if (realm.admin().clients().findByClientId(officer.getClientId()).isEmpty()) {
            realm.admin().clients().create(officer).close();
            ScreeningRealm.grantRealmManagementRoles(realm.admin(), officer.getClientId(), "manage-users");
        }
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        String email = Accounts.uniqueEmail("listed");
        Reply held = enroll(site, DemoRealm.SITE, null, body(email, "Joaquin", "Guzman Loera", true));
        assertEquals(202, held.status(), held.body());
        assertEquals("PENDING_REVIEW", held.json().get("status").asText());
        String userId = held.json().get("userId").asText();
        UserRepresentation stored = realm.admin().users().get(userId).toRepresentation();
        assertFalse(stored.isEnabled(), "held: no sign-in by any path");
        assertTrue(stored.getRequiredActions().contains("lanyard-sanctions-review"));
        assertTrue(mailbox.messagesTo(email).isEmpty(), "no mail while held");

        String officerToken = Api.clientToken(DemoRealm.NAME, officer.getClientId(), officer.getSecret());
        Reply resolved = Api.postJson(Accounts.USER + "/internal/screening/" + userId + "/resolve", officerToken,
                Api.json(Map.of("status", "FALSE_POSITIVE", "note", "Different person: date of birth differs")));
        assertEquals(200, resolved.status(), resolved.body());
        assertTrue(realm.admin().users().get(userId).toRepresentation().isEnabled(), "cleared: let in");
        assertEquals(6, mailbox.awaitCode(email, 1).length(), "and the passcode mail goes out");
    }

    @Test
    void refusalsNameTheirCauseAndLeaveNoAccount() {
        String site = Passwordless.siteToken();
        String email = Accounts.uniqueEmail("refused");
        Reply missing = enroll(site, DemoRealm.SITE, null, Api.json(Map.of("email", email, "firstName", "Ava", "lastName", "Harper",
                "siteId", DemoRealm.SITE)));
        assertEquals(400, missing.status(), missing.body());
        assertEquals("CONSENT_REQUIRED", missing.json().get("code").asText());
        assertEquals(TERMS + ":" + VERSION, missing.json().get("terms").get(0).asText());

        Reply refused = enroll(site, DemoRealm.SITE, null, body(email, "Ava", "Harper", false));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("CONSENT_REQUIRED", refused.json().get("code").asText());

        Reply mismatch = enroll(site, DemoRealm.PARTNER, null, body(email, "Ava", "Harper", true));
        assertEquals(401, mismatch.status(), mismatch.body());
        assertEquals("CLIENT_MISMATCH", mismatch.json().get("code").asText());

        Reply badBirth = enroll(site, DemoRealm.SITE, null, body(email, "Ava", "Harper", true).replace(BIRTH, "2999-01-01"));
        assertEquals(400, badBirth.status(), badBirth.body());
        assertFalse(badBirth.body().contains("2999"), "the refused value is not echoed");

        assertEquals(0, realm.admin().users().searchByEmail(email, true).size(), "refusals create nobody");
        assertTrue(new Mailbox(mailServer).messagesTo(email).isEmpty());
    }

    @Test
    void oneIdempotencyKeyMakesOnePerson() {
        String site = Passwordless.siteToken();
        String email = Accounts.uniqueEmail("idempotent");
        String key = "enroll-" + email;
        Reply first = enroll(site, DemoRealm.SITE, key, body(email, "Ava", "Harper", true));
        assertEquals(201, first.status(), first.body());
        Reply second = enroll(site, DemoRealm.SITE, key, body(email, "Ava", "Harper", true));
        assertEquals(201, second.status(), "the first answer again, not ALREADY_ENROLLED: " + second.body());
        assertEquals(first.json(), second.json());
        assertEquals(1, realm.admin().users().searchByEmail(email, true).size());
        Mailbox mailbox = new Mailbox(mailServer);
        mailbox.awaitCode(email, 1);
        assertEquals(1, mailbox.messagesTo(email).size(), "one passcode mail");

        Reply other = enroll(site, DemoRealm.SITE, key, body(email, "Ava", "Hamper", true));
        assertEquals(422, other.status(), other.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.json().get("code").asText());
        assertNotEquals(first.body(), other.body());
    }

    @Test
    void ofParallelRequestsWithOneKeyExactlyOneEnrolls() throws Exception {
        String site = Passwordless.siteToken();
        String email = Accounts.uniqueEmail("idempotent-race");
        String key = "race-" + email;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replies.add(pool.submit(() -> enroll(site, DemoRealm.SITE, key, body(email, "Ava", "Harper", true))));
            }
            int created = 0;
            for (java.util.concurrent.Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 201) {
                    created++;
                } else {
                    assertEquals(409, r.status(), r.body());
                    assertEquals("IDEMPOTENCY_IN_PROGRESS", r.json().get("code").asText(), r.body());
                }
            }
            assertTrue(created >= 1, "the first answer, maybe replayed");
            assertEquals(1, realm.admin().users().searchByEmail(email, true).size(), "one person");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(String email, String first, String last, boolean accepted) {
        return "{\"email\":\"" + email + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"phone\":\"+1 555 0100\","
                + "\"dateOfBirth\":\"" + BIRTH + "\",\"address\":{\"line1\":\"1234 E Foothill Blvd\",\"city\":\"Pasadena\",\"country\":\"US\"},"
                + "\"siteId\":\"" + DemoRealm.SITE + "\",\"programCode\":\"demo-debit\",\"consents\":["
                + "{\"termsIdentifier\":\"" + TERMS + "\",\"termsVersion\":\"" + VERSION + "\",\"accepted\":" + accepted
                + ",\"acceptedAt\":\"2026-11-30T10:15:30Z\"},"
                + "{\"termsIdentifier\":\"marketing\",\"termsVersion\":\"1\",\"accepted\":false}]}";
    }

    private static Reply enroll(String token, String clientIdHeader, String idempotencyKey, String json) {
        HttpRequest.Builder request = request(ENROLL, token, clientIdHeader).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return Api.send(request.build());
    }

    private static HttpRequest.Builder request(String url, String token, String clientIdHeader) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("CLIENT_ID", clientIdHeader);
    }
}
