package dev.lanyard.authservice;

import static dev.lanyard.testing.AuthService.call;
import static dev.lanyard.testing.AuthService.code;
import static dev.lanyard.testing.AuthService.data;
import static dev.lanyard.testing.AuthService.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.MailText;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 003's person side as an issuer's app calls it, with the seed's own example requests (base URL, token and
 * tenant changed): my info, password and PIN, security answers and resets by answer, account existence, deregister.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class AuthServicePersonIT {

    private static final String TENANT = DemoRealm.NAME;
    private static final String CAR = "{\"id\":2,\"question\":\"What was the make and model of your first car?\"}";
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password is\\s+(\\S+)");

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void myInfoIsTheSeedsPersonObjectFromKeycloaksData() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "myinfo");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();

        Reply info = call("GET", "/api/myinfo", token, null, "accept", "*/*", "api-key", DemoRealm.SITE);
        assertEquals(200, info.status(), info.body());
        assertEquals("SUCCESS", status(info));
        assertEquals(TENANT, info.json().get("contextResponse").get("tenantName").asText());
        JsonNode me = data(info);
        assertEquals("ACTIVE", me.get("status").asText(), info.body());
        assertEquals(person.email(), me.get("username").asText());
        for (String secret : List.of("password", "pin", "currentPassword", "newPassword")) {
            assertTrue(me.has(secret) && me.get(secret).isNull(), secret + " is present and null: " + info.body());
        }
        assertTrue(me.get("lastLoginDatetime").isNumber(), "the lanyard-person listener kept the sign-in: " + info.body());
        // A later sign-in updates the record in its own transaction (the first one inserted it in a transaction of its own).
        long first = me.get("lastLoginDatetime").asLong();
        sleepPast(first);
        String again = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        long second = data(call("GET", "/api/myinfo", again, null, "accept", "*/*", "api-key", DemoRealm.SITE))
                .get("lastLoginDatetime").asLong();
        assertTrue(second > first, "the second sign-in moved lastLoginDatetime from " + first + " to " + second);
        assertTrue(me.get("lastPasswordUpdate").isNumber());
        assertEquals(0, me.get("loginAttempt").asInt());
        assertTrue(me.get("enabled").asBoolean() && me.get("accountNonLocked").asBoolean() && me.get("credentialsNonExpired").asBoolean());
        assertFalse(me.get("needChangePassword").asBoolean());
        assertEquals(TENANT, me.get("client").get("name").asText());
        assertEquals("CONSUMER", me.get("client").get("defaultRole").get("name").asText(), "the seed role in the realm's default role");
        JsonNode consumer = StreamSupport.stream(me.get("personRoles").spliterator(), false)
                .map(r -> r.get("role")).filter(r -> "CONSUMER".equals(r.get("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("new persons hold CONSUMER: " + info.body()));
        List<String> entitlements = StreamSupport.stream(consumer.get("clientRoleEntitlements").spliterator(), false)
                .map(e -> e.get("authority").asText()).toList();
        assertTrue(entitlements.containsAll(List.of("CHANGE_PIN_PASSWORD", "RESET_PASSWORD", "DEREGISTER_ACCOUNT")), entitlements.toString());
        assertEquals("EMAIL", me.get("personContacts").get(0).get("contactType").asText());

        Reply otherApp = call("GET", "/api/myinfo", token, null, "api-key", DemoRealm.PARTNER);
        assertEquals(401, otherApp.status(), "api-key must be the token's client");
        assertEquals("API_KEY_MISMATCH", code(otherApp));
        assertEquals("VALIDATION", status(otherApp));
    }

    @Test
    void changePasswordChecksTheCurrentOneKeepsThisSessionAndEndsTheOthers() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "chpw");
        JsonNode here = Accounts.signIn(site, person.email(), Accounts.PASSWORD);
        JsonNode elsewhere = Accounts.signIn(site, person.email(), Accounts.PASSWORD);
        String token = here.get("access_token").asText();

        Reply wrong = call("POST", "/api/myinfo/changePassword", token, "{\"currentPassword\": \"Not-it-2026\", \"newPassword\": \"Test2345!x\"}");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("WRONG_PASSWORD", code(wrong));
        assertEquals(1, ((Number) realm.admin().attackDetection().bruteForceUserStatus(person.userId()).get("numFailures")).intValue(),
                "a wrong current password counts in the brute-force detector");
        realm.admin().attackDetection().clearBruteForceForUser(person.userId());

        String fresh = Secrets.record("Test2345!-lanyard");
        Reply changed = call("PUT", "/api/myinfo/changePassword", token,
                "{\"currentPassword\": \"" + Accounts.PASSWORD + "\", \"newPassword\": \"" + fresh + "\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("SUCCESS", status(changed));
        assertTrue(changed.json().has("responseData") && changed.json().get("responseData").isNull());

        assertEquals(200, Accounts.refresh(DemoRealm.SITE, DemoRealm.SITE_SECRET, here.get("refresh_token").asText()).status(),
                "the calling session stays");
        assertEquals(400, Accounts.refresh(DemoRealm.SITE, DemoRealm.SITE_SECRET, elsewhere.get("refresh_token").asText()).status(),
                "the other session ended");
        assertEquals(401, Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD).status());
        Accounts.signIn(site, person.email(), fresh);
    }

    @Test
    void answersAreNeverReturnedAndAResetByAnswerMailsATemporaryPinThatIsChangedValidatedAndLocked() throws Exception {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "pin");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();

        String santafe = Secrets.record("Santafe-" + person.userId().substring(0, 6));
        Reply added = call("POST", "/api/myinfo/securityAnswer", token, "{\"answer\":\"" + santafe + "\",\"securityQuestion\": " + CAR + "}");
        assertEquals(200, added.status(), added.body());
        assertTrue(data(added).get("answer").isNull(), "the answer is never echoed");
        assertEquals(2, data(added).get("securityQuestion").get("id").asInt());
        String answerId = data(added).get("id").asText();
        assertEquals(409, call("POST", "/api/myinfo/securityAnswer", token, "{\"answer\":\"x\",\"securityQuestion\": " + CAR + "}").status());

        String sedona = Secrets.record("İstanbul Sedona " + person.userId().substring(0, 6));
        Reply updated = call("POST", "/api/myinfo/securityAnswer/" + answerId, token,
                "{\"answer\":\"" + sedona + "\",\"securityQuestion\": " + CAR + "}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(answerId, data(updated).get("id").asText(), "an update keeps the answer's id");
        Reply mine = call("GET", "/api/myinfo/securityQuestions", token, null);
        assertEquals(1, data(mine).size(), mine.body());
        assertTrue(data(mine).get(0).get("answer").isNull());
        assertFalse(mine.body().contains("Sedona") || mine.body().contains("Santafe"));

        Reply questions = call("GET", "/api/securityQuestions", site, null, "api-key", DemoRealm.SITE);
        assertEquals(200, questions.status(), questions.body());
        assertEquals("What was the make and model of your first car?", data(questions).get(0).get("question").asText());

        // Reset by answer, as the seed's example (answer typed differently: case, dotted i, spaces).
        String typed = "  " + sedona.toUpperCase(java.util.Locale.ROOT).replace("İ", "I").replace(" ", "   ") + " ";
        Reply reset = call("POST", "/api/reset/pin", site, Api.json(Map.of("answer", typed, "securityQuestionId", 2, "username", person.email())),
                "accept", "application/json;charset=UTF-8", "tenantName", TENANT, "api-key", DemoRealm.SITE);
        assertEquals(200, reset.status(), reset.body());
        String temporaryPin = Mailbox.codeIn(mailbox.awaitMessage(person.email(), 2));
        List<CredentialRepresentation> credentials = realm.admin().users().get(person.userId()).credentials();
        assertTrue(credentials.stream().anyMatch(c -> "lanyard-pin".equals(c.getType())), "the PIN shows in the Credentials tab");
        assertTrue(credentials.stream().anyMatch(c -> "lanyard-security-answer".equals(c.getType())));

        String pin = "1234"; // the seed's own example PIN passes the default policy
        Reply wrongCurrent = call("POST", "/api/myinfo/changePin", token, "{\"currentPin\":\"026047\",\"newPin\":\"1234\"}");
        assertEquals("WRONG_PIN", code(wrongCurrent), wrongCurrent.body());
        Reply changed = call("PUT", "/api/myinfo/changePin", token, "{\"currentPin\":\"" + temporaryPin + "\",\"newPin\":\"" + pin + "\"}");
        assertEquals(200, changed.status(), changed.body());
        realm.admin().attackDetection().clearBruteForceForUser(person.userId());

        assertTrue(validate(site, pin, person.userId()).get("pinValidated").asBoolean());
        assertFalse(validate(site, "2345", person.userId()).get("pinValidated").asBoolean());
        assertEquals(1, ((Number) realm.admin().attackDetection().bruteForceUserStatus(person.userId()).get("numFailures")).intValue(),
                "a wrong PIN counts in Keycloak's brute-force detector");

        // 16 wrong PINs at once: with 1 failure counted and a limit of 5, exactly 4 are checked, 12 are locked out.
        List<Reply> replies = parallel(16, () -> validateReply(site, "9999", person.userId()));
        long checked = replies.stream().filter(r -> r.status() == 200).count();
        long locked = replies.stream().filter(r -> r.status() == 403 && "PIN_LOCKED".equals(code(r))).count();
        assertEquals(4, checked, "parallel wrong PINs cannot exceed the limit");
        assertEquals(12, locked);
        Reply right = validateReply(site, pin, person.userId());
        assertEquals("PIN_LOCKED", code(right), "a locked PIN is not checked, not even the right one");
        assertNotEquals(status(right), "SUCCESS");

        // An unknown uuid answers exactly the same way, lockout included.
        String nobody = "a20190404-" + person.userId().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            Reply unknown = validateReply(site, "2345", nobody);
            assertEquals(200, unknown.status());
            assertFalse(data(unknown).get("pinValidated").asBoolean());
        }
        assertEquals("PIN_LOCKED", code(validateReply(site, "2345", nobody)));
    }

    @Test
    void aResetByAnswerMailsATemporaryPasswordAndEveryWrongCaseLooksTheSame() {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "tmppw");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String school = Secrets.record("Lincoln " + person.userId().substring(0, 6));
        assertEquals(200, call("POST", "/api/myinfo/securityAnswer", token,
                "{\"answer\":\"" + school + "\",\"securityQuestion\":{\"id\":3}}").status());

        Reply wrongAnswer = resetPassword(site, "Roosevelt", 3, person.email());
        Reply unknownUser = resetPassword(site, school, 3, "nobody-" + person.email());
        Reply unanswered = resetPassword(site, school, 2, person.email());
        assertEquals(400, wrongAnswer.status(), wrongAnswer.body());
        assertEquals("ANSWER_NOT_ACCEPTED", code(wrongAnswer));
        assertEquals(wrongAnswer.body(), unknownUser.body(), "a wrong answer and an unknown user are indistinguishable");
        assertEquals(wrongAnswer.body(), unanswered.body());
        assertEquals(1, mailbox.messagesTo(person.email()).size(), "nothing mailed");
        assertEquals(400, call("POST", "/api/reset/password", site,
                Api.json(Map.of("answer", school, "securityQuestionId", 3, "username", person.email()))).status(), "tenantName is required");
        realm.admin().attackDetection().clearBruteForceForUser(person.userId());

        Reply reset = resetPassword(site, school.toLowerCase(java.util.Locale.ROOT), 3, person.email());
        assertEquals(200, reset.status(), reset.body());
        MimeMessage mail = mailbox.awaitMessage(person.email(), 2);
        String temporary = temporaryPassword(mail);
        Reply signIn = Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), temporary);
        assertEquals(403, signIn.status(), "the temporary password must be changed first: " + signIn.body());
        assertEquals("ACCOUNT_SETUP_REQUIRED", signIn.code());
        assertTrue(realm.admin().users().get(person.userId()).toRepresentation().getRequiredActions().contains("UPDATE_PASSWORD"));
    }

    @Test
    void checkUserExistTakesTheScopeAndARateLimit() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "exists");
        String partner = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);

        Reply yes = call("GET", "/api/checkUserExist?username=" + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8),
                partner, null, "accept", "application/json;charset=UTF-8", "tenantName", TENANT, "api-key", DemoRealm.PARTNER);
        assertEquals(200, yes.status(), yes.body());
        assertTrue(data(yes).get("userExist").asBoolean());
        Reply no = call("POST", "/api/checkUserExist", partner, Api.json(Map.of("username", "a20190404-nobody", "tenantName", TENANT)));
        assertFalse(data(no).get("userExist").asBoolean(), no.body());
        Reply unscoped = call("GET", "/api/checkUserExist?username=a20190404", site, null);
        assertEquals(403, unscoped.status());
        assertEquals("INSUFFICIENT_SCOPE", code(unscoped));

        var partnerClient = realm.admin().clients().findByClientId(DemoRealm.PARTNER).get(0);
        partnerClient.getAttributes().put("lanyard.check-user-exist.per-minute", "0");
        realm.admin().clients().get(partnerClient.getId()).update(partnerClient);
        try {
            Reply limited = call("GET", "/api/checkUserExist?username=a20190404", partner, null, "tenantName", TENANT);
            assertEquals(429, limited.status(), limited.body());
            assertEquals("RATE_LIMITED", code(limited));
        } finally {
            partnerClient.getAttributes().remove("lanyard.check-user-exist.per-minute");
            realm.admin().clients().get(partnerClient.getId()).update(partnerClient);
        }
    }

    @Test
    void aClosedAccountIsRefusedEverywhereAndOnlyItsOwnerOrATenantAdminClosesIt() throws InterruptedException {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered self = Accounts.active(site, mailbox, "closeme");
        Registered other = Accounts.active(site, mailbox, "closed");
        JsonNode tokens = Accounts.signIn(site, self.email(), Accounts.PASSWORD);
        String token = tokens.get("access_token").asText();

        Reply notMine = call("DELETE", "/api/deregister/" + other.userId(), token, null, "tenantName", TENANT);
        assertEquals(403, notMine.status(), "a consumer cannot close another account");
        assertEquals("NOT_ENTITLED", code(notMine));

        Reply closed = call("DELETE", "/api/deregister/" + self.userId(), token, null, "accept", "application/json;charset=UTF-8",
                "tenantName", TENANT, "api-key", DemoRealm.SITE);
        assertEquals(200, closed.status(), closed.body());
        assertEquals(401, call("GET", "/api/myinfo", token, null).status(), "its tokens are dead");
        assertEquals(400, Accounts.refresh(DemoRealm.SITE, DemoRealm.SITE_SECRET, tokens.get("refresh_token").asText()).status());
        assertEquals(401, Accounts.passwordLogin(site, DemoRealm.SITE, "email", self.email(), Accounts.PASSWORD).status(), "no password left");
        int mails = mailbox.messagesTo(self.email()).size();
        Passwordless.send(site, self.email(), DemoRealm.SITE);
        Thread.sleep(1500);
        assertEquals(mails, mailbox.messagesTo(self.email()).size(), "no sign-in code is mailed to a closed account");
        assertTrue(realm.admin().users().get(self.userId()).credentials().isEmpty(), "its credentials are removed");
        assertFalse(realm.admin().users().get(self.userId()).toRepresentation().isEnabled());

        String admin = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        Reply byAdmin = call("DELETE", "/api/deregister/" + other.userId(), admin, null, "tenantName", TENANT);
        assertEquals(200, byAdmin.status(), byAdmin.body());
        assertEquals("ALREADY_CLOSED", code(call("DELETE", "/api/deregister/" + other.userId(), admin, null, "tenantName", TENANT)));
        assertEquals("PERSON_NOT_FOUND", code(call("DELETE", "/api/deregister/test20190417", admin, null, "tenantName", TENANT)));
        assertNotNull(realm.admin().users().get(other.userId()).toRepresentation(), "the person stays, closed");
    }

    private static JsonNode validate(String site, String pin, String uuid) {
        Reply reply = validateReply(site, pin, uuid);
        assertEquals(200, reply.status(), reply.body());
        return data(reply);
    }

    private static Reply validateReply(String site, String pin, String uuid) {
        return call("POST", "/api/validate/pin", site, Api.json(Map.of("pin", pin, "uuid", uuid)), "accept", "application/json",
                "api-key", DemoRealm.SITE);
    }

    private static Reply resetPassword(String site, String answer, int questionId, String username) {
        return call("POST", "/api/reset/password", site, Api.json(Map.of("answer", answer, "securityQuestionId", questionId, "username", username)),
                "accept", "application/json;charset=UTF-8", "tenantName", TENANT, "api-key", DemoRealm.SITE);
    }

    private static String temporaryPassword(MimeMessage mail) {
        try {
            Matcher matcher = TEMPORARY_PASSWORD.matcher(MailText.plainText(mail));
            assertTrue(matcher.find(), "a temporary password in the mail");
            return Secrets.record(matcher.group(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the clock is past {@code millis}, so the next event has a later time (events carry milliseconds). */
    private static void sleepPast(long millis) {
        while (System.currentTimeMillis() <= millis + 1) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
