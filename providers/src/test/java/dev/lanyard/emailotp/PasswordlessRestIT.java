package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpStep;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/**
 * Seed 000 passwordless login over REST, as a partner integration uses it: a client-credentials
 * token of the site (or of a partner allowed for it), send a code, exchange email + code for tokens.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class PasswordlessRestIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other", config = OtherTenant.class)
    ManagedRealm otherRealm;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private static final String SEND = Passwordless.SEND;
    private static final String LOGIN = Passwordless.loginUrl(DemoRealm.SITE);

    @Test
    void codeFromMailGivesSiteTokensThatUserinfoAccepts() {
        TestUser user = TestUsers.create(realm, "alice");
        Reply sent = send(siteToken(), user.email(), DemoRealm.SITE);
        assertEquals(202, sent.status(), sent.body());
        assertEquals("OTP_SENT", sent.code());

        String code = mailbox().awaitCode(user.email(), 1);
        Reply login = login(siteToken(), user.email(), code);
        assertEquals(200, login.status(), login.body());

        JsonNode tokens = login.json();
        String accessToken = Secrets.record(tokens.get("access_token").asText());
        Secrets.record(tokens.get("refresh_token").asText());
        Secrets.record(tokens.get("id_token").asText());
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertTrue(tokens.get("expires_in").asInt() > 0);

        Reply userinfo = Api.get(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/userinfo", accessToken);
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals(user.email(), userinfo.json().get("email").asText());
        assertEquals(user.username(), userinfo.json().get("preferred_username").asText());

        EventRepresentation loginEvent = realm.admin().getEvents(java.util.List.of("LOGIN"), null, user.id(), null, null, null, 0, 10)
                .stream().findFirst().orElseThrow(() -> new AssertionError("No LOGIN event"));
        assertEquals(DemoRealm.SITE, loginEvent.getClientId());
        assertEquals("lanyard-email-otp", loginEvent.getDetails().get("auth_method"));
    }

    @Test
    void partnerAllowedForTheSiteMayCallForIt() {
        TestUser user = TestUsers.create(realm, "bob");
        String partner = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        assertEquals(202, send(partner, user.email(), DemoRealm.SITE).status());
        Reply login = login(partner, user.email(), mailbox().awaitCode(user.email(), 1));
        assertEquals(200, login.status(), login.body());
        Secrets.record(login.json().get("access_token").asText());
    }

    @Test
    void aCodeWorksOnce() {
        TestUser user = TestUsers.create(realm, "carol");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String code = mailbox().awaitCode(user.email(), 1);
        assertEquals(200, login(siteToken(), user.email(), code).status());

        Reply replay = login(siteToken(), user.email(), code);
        assertEquals(401, replay.status());
        assertEquals("INVALID_OTP", replay.code());
    }

    @Test
    void wrongCodeIsRefusedAndTheRightOneStillWorks() {
        TestUser user = TestUsers.create(realm, "dave");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String code = mailbox().awaitCode(user.email(), 1);

        Reply wrong = login(siteToken(), user.email(), otherCode(code));
        assertEquals(401, wrong.status());
        assertEquals("INVALID_OTP", wrong.code());
        assertFalse(wrong.body().contains(code), "The answer must not reveal the code");
        assertEquals("Bearer realm=\"demo\"", wrong.headers().firstValue("WWW-Authenticate").orElse(null));

        assertEquals(200, login(siteToken(), user.email(), code).status());
    }

    @Test
    void expiredCodeIsRefused() {
        TestUser user = TestUsers.create(realm, "erin");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String code = mailbox().awaitCode(user.email(), 1);

        timeOffSet.set(301); // the demo realm's codes live 300 s
        Reply late = login(siteToken(), user.email(), code);
        assertEquals(401, late.status(), late.body());
        assertEquals("INVALID_OTP", late.code());
    }

    @Test
    void codeIsBoundToItsSite() {
        TestUser user = TestUsers.create(realm, "fay");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String code = mailbox().awaitCode(user.email(), 1);

        String partner = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        Reply elsewhere = Api.postJson(Api.realmUrl(DemoRealm.NAME) + "/user/site/" + DemoRealm.PARTNER + "/login/pwless-otp",
                partner, Api.json(Map.of("email", user.email(), "otp", code)));
        assertEquals(401, elsewhere.status(), elsewhere.body());
        assertEquals("INVALID_OTP", elsewhere.code());
    }

    @Test
    void aNewCodeVoidsThePreviousOne() {
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
        TestUser user = TestUsers.create(realm, "gus");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String first = mailbox().awaitCode(user.email(), 1);
        send(siteToken(), user.email(), DemoRealm.SITE);
        String second = mailbox().awaitCode(user.email(), 2);

        assertEquals(401, login(siteToken(), user.email(), first).status());
        assertEquals(200, login(siteToken(), user.email(), second).status());
    }

    @Test
    void resendWithinTheCooldownSendsNothingButAnswersTheSame() {
        TestUser user = TestUsers.create(realm, "hal");
        assertEquals(202, send(siteToken(), user.email(), DemoRealm.SITE).status());
        mailbox().awaitCode(user.email(), 1);
        Reply again = send(siteToken(), user.email(), DemoRealm.SITE);
        assertEquals(202, again.status());
        assertEquals("OTP_SENT", again.code());

        TestUser marker = TestUsers.create(realm, "hal-marker");
        send(siteToken(), marker.email(), DemoRealm.SITE);
        mailbox().awaitCode(marker.email(), 1);
        assertEquals(1, mailbox().messagesTo(user.email()).size(), "No second mail within the 30 s cooldown");
    }

    @Test
    void wrongCodesUpToTheRealmLimitLockTheUser() {
        TestUser user = TestUsers.create(realm, "ivy");
        send(siteToken(), user.email(), DemoRealm.SITE);
        String code = mailbox().awaitCode(user.email(), 1);
        String wrong = otherCode(code);

        for (int i = 1; i < DemoRealm.FAILURE_FACTOR; i++) {
            assertEquals("INVALID_OTP", login(siteToken(), user.email(), wrong).code());
        }
        awaitFailures(user, DemoRealm.FAILURE_FACTOR - 1);
        assertEquals(Boolean.FALSE, bruteForceStatus(user).get("disabled"), "Not locked before the limit");

        assertEquals("INVALID_OTP", login(siteToken(), user.email(), wrong).code());
        awaitFailures(user, DemoRealm.FAILURE_FACTOR);
        assertEquals(Boolean.TRUE, bruteForceStatus(user).get("disabled"), "Locked at the limit");

        Reply locked = login(siteToken(), user.email(), code);
        assertEquals(401, locked.status());
        assertEquals("USER_LOCKED", locked.code());

        // A locked user gets no code either, and the answer does not say so.
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
        assertEquals(202, send(siteToken(), user.email(), DemoRealm.SITE).status());
        TestUser marker = TestUsers.create(realm, "ivy-marker");
        send(siteToken(), marker.email(), DemoRealm.SITE);
        mailbox().awaitCode(marker.email(), 1);
        assertEquals(1, mailbox().messagesTo(user.email()).size(), "No code mailed to a locked user");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() {
        String unknown = "nobody-" + System.nanoTime() + "@lanyard.test";
        TestUser known = TestUsers.create(realm, "jay");
        Reply forUnknown = send(siteToken(), unknown, DemoRealm.SITE);
        Reply forKnown = send(siteToken(), known.email(), DemoRealm.SITE);
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.body(), forUnknown.body());

        mailbox().awaitCode(known.email(), 1);
        assertTrue(mailbox().messagesTo(unknown).isEmpty(), "No mail for an address without account");

        Reply login = login(siteToken(), unknown, "123456");
        assertEquals(401, login.status());
        assertEquals("INVALID_OTP", login.code());
    }

    @Test
    void addressOutsideTheAllowedDomainsIsRefused() {
        EmailOtpStep.configure(realm, Map.of("allowedDomains", "lanyard.test"));
        TestUser outsider = TestUsers.create(realm, "kim", "example.com");

        Reply send = send(siteToken(), outsider.email(), DemoRealm.SITE);
        assertEquals(400, send.status(), send.body());
        assertEquals("EMAIL_DOMAIN_NOT_ALLOWED", send.code());
        Reply login = login(siteToken(), outsider.email(), "123456");
        assertEquals(400, login.status());
        assertEquals("EMAIL_DOMAIN_NOT_ALLOWED", login.code());

        TestUser insider = TestUsers.create(realm, "kim");
        assertEquals(202, send(siteToken(), insider.email(), DemoRealm.SITE).status());
        mailbox().awaitCode(insider.email(), 1);
        assertTrue(mailbox().messagesTo(outsider.email()).isEmpty());
    }

    @Test
    void callersWithoutAValidTokenOfThisRealmGet401() {
        String body = Api.json(Map.of("email", "x@lanyard.test", "siteId", DemoRealm.SITE));

        Reply none = Api.postJson(SEND, null, body);
        assertEquals(401, none.status());
        assertEquals("UNAUTHORIZED", none.code());

        Reply garbage = Api.postJson(SEND, "not-a-token", body);
        assertEquals(401, garbage.status());
        assertEquals("INVALID_TOKEN", garbage.code());

        String foreign = Api.clientToken(otherRealm.getName(), "other-site", "other-secret");
        Reply otherTenant = Api.postJson(SEND, foreign, body);
        assertEquals(401, otherTenant.status());
        assertEquals("INVALID_TOKEN", otherTenant.code());

        Reply loginWithoutToken = Api.postJson(LOGIN, null, Api.json(Map.of("email", "x@lanyard.test", "otp", "123456")));
        assertEquals(401, loginWithoutToken.status());
    }

    @Test
    void onlyTheSiteOrItsPartnersMayCall() {
        ClientRepresentation stranger = ClientBuilder.create().clientId("stranger-" + System.nanoTime())
                .secret("stranger-secret").serviceAccountsEnabled(true).build();
        realm.admin().clients().create(stranger).close();
        realm.cleanup().add(r -> r.clients().findByClientId(stranger.getClientId()).forEach(c -> r.clients().get(c.getId()).remove()));
        String strangerToken = Api.clientToken(DemoRealm.NAME, stranger.getClientId(), "stranger-secret");

        Reply refused = send(strangerToken, "x@lanyard.test", DemoRealm.SITE);
        assertEquals(403, refused.status());
        assertEquals("SITE_NOT_ALLOWED", refused.code());

        Reply unknownSite = send(siteToken(), "x@lanyard.test", "no-such-site");
        assertEquals(404, unknownSite.status());
        assertEquals("SITE_NOT_FOUND", unknownSite.code());
    }

    @Test
    void aPersonsTokenIsNotAPartnerToken() {
        TestUser user = TestUsers.create(realm, "lea");
        send(siteToken(), user.email(), DemoRealm.SITE);
        Reply login = login(siteToken(), user.email(), mailbox().awaitCode(user.email(), 1));
        String personal = Secrets.record(login.json().get("access_token").asText());

        Reply refused = send(personal, user.email(), DemoRealm.SITE);
        assertEquals(403, refused.status());
        assertEquals("CLIENT_TOKEN_REQUIRED", refused.code());
    }

    @Test
    void malformedRequestsGet4xxInTheSeedEnvelope() {
        String token = siteToken();
        assertInvalid(Api.postJson(SEND, token, "{\"email\": \"x@lanyard.test\""), 400, "INVALID_JSON");
        assertInvalid(Api.postJson(SEND, token, "[]"), 400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(SEND, token, "{\"siteId\": \"demo-site\"}"), 400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(SEND, token, "{\"email\": 42, \"siteId\": \"demo-site\"}"), 400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(SEND, token, "{\"email\": \"x@lanyard.test\", \"siteId\": \"demo-site\", \"admin\": true}"),
                400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(SEND, token, Api.json(Map.of("email", "not-an-address", "siteId", DemoRealm.SITE))),
                400, "INVALID_EMAIL");
        assertInvalid(Api.postJson(SEND, token, Api.json(Map.of("email", "x".repeat(300) + "@lanyard.test", "siteId", DemoRealm.SITE))),
                400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(LOGIN, token, Api.json(Map.of("email", "x@lanyard.test", "otp", "abcdef"))),
                400, "INVALID_REQUEST");
        assertInvalid(Api.postJson(SEND, token, "{\"email\": \"" + "a".repeat(70_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE");

        Reply xml = Api.send(HttpRequest.newBuilder(URI.create(SEND)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<email/>")).build());
        assertInvalid(xml, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static void assertInvalid(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.code(), reply.body());
        assertNotNull(reply.json().get("message"));
    }

    private void awaitFailures(TestUser user, int failures) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Object count = bruteForceStatus(user).get("numFailures");
            if (count instanceof Number n && n.intValue() >= failures) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Brute-force detector did not count " + failures + " failures: " + bruteForceStatus(user));
    }

    private Map<String, Object> bruteForceStatus(TestUser user) {
        return realm.admin().attackDetection().bruteForceUserStatus(user.id());
    }

    private Mailbox mailbox() {
        return new Mailbox(mailServer);
    }

    private static String siteToken() {
        return Passwordless.siteToken();
    }

    private static Reply send(String token, String email, String siteId) {
        return Passwordless.send(token, email, siteId);
    }

    private static Reply login(String token, String email, String otp) {
        return Passwordless.login(token, DemoRealm.SITE, email, otp);
    }

    /** A code of the same length that is certainly not {@code code}. */
    static String otherCode(String code) {
        char last = code.charAt(code.length() - 1);
        String other = code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertNotEquals(code, other);
        return other;
    }

    /** A second tenant, to prove its tokens are worthless here. */
    static final class OtherTenant implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("other-tenant").clients(ClientBuilder.create().clientId("other-site").secret("other-secret")
                    .serviceAccountsEnabled(true).build());
        }
    }
}
