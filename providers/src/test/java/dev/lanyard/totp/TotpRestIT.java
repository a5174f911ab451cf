package dev.lanyard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.Authenticator;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpStep;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/** Seed 000 "MFA Setup Workflow" over REST, and the second factor of REST site logins. */
@KeycloakIntegrationTest(config = LanyardServer.class)
class TotpRestIT {

    private static final String MFA = Api.realmUrl(DemoRealm.NAME) + "/user/mfa/totp";

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private Mailbox mailbox;

    @BeforeEach
    void setUp() {
        mailbox = new Mailbox(mailServer);
        // Several sign-ins of one user within a test; the cooldown is proven elsewhere.
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
    }

    @Test
    void setupThenEnrollWithACodeFromTheReturnedSecret() {
        TestUser user = TestUsers.create(realm, "wes");
        String token = userToken(user);

        JsonNode before = Api.get(MFA, token).json();
        assertEquals("NOT_ENROLLED", before.get("status").asText());
        assertEquals(0, before.get("devices").size());

        Reply setup = Api.postJson(MFA + "/setup", token, "");
        assertEquals(201, setup.status(), setup.body());
        JsonNode answer = setup.json();
        String secret = answer.get("secret").asText();
        assertTrue(answer.get("otpauthUri").asText().startsWith("otpauth://totp/Lanyard%20Demo:" + user.username() + "?secret=" + secret));
        assertTrue(answer.get("otpauthUri").asText().contains("&issuer=Lanyard%20Demo"));
        assertTrue(answer.get("qrCode").asText().startsWith("data:image/png;base64,iVBOR"), "a PNG");
        assertEquals("SHA1", answer.get("algorithm").asText());
        assertEquals(6, answer.get("digits").asInt());
        assertEquals(30, answer.get("period").asInt());
        assertEquals(600, answer.get("expiresIn").asInt());

        Authenticator app = Authenticator.fromBase32(secret);
        Reply enroll = Api.postJson(MFA + "/enroll", token, Api.json(Map.of("totp", app.freshCode(), "deviceName", "Phone")));
        assertEquals(201, enroll.status(), enroll.body());
        assertEquals("ENROLLED", enroll.json().get("status").asText());
        assertEquals("Phone", enroll.json().get("device").get("deviceName").asText());

        JsonNode after = Api.get(MFA, token).json();
        assertEquals("ENROLLED", after.get("status").asText());
        assertEquals("Phone", after.get("devices").get(0).get("deviceName").asText());

        // What the account console shows under Signing in → Two-factor authentication.
        JsonNode credentials = Api.get(Api.realmUrl(DemoRealm.NAME) + "/account/credentials?type=otp", token).json();
        assertEquals("Phone", credentials.get(0).get("userCredentialMetadatas").get(0).get("credential").get("userLabel").asText());
    }

    @Test
    void aWrongCodeEnrollsNothing() {
        TestUser user = TestUsers.create(realm, "xia");
        String token = userToken(user);
        Authenticator app = Authenticator.fromBase32(Api.postJson(MFA + "/setup", token, "").json().get("secret").asText());

        Reply wrong = Api.postJson(MFA + "/enroll", token, Api.json(Map.of("totp", app.wrongCode())));
        assertEquals(400, wrong.status());
        assertEquals("INVALID_TOTP", wrong.code());
        assertEquals("NOT_ENROLLED", Api.get(MFA, token).json().get("status").asText());
        assertTrue(realm.admin().users().get(user.id()).credentials().isEmpty());

        Reply right = Api.postJson(MFA + "/enroll", token, Api.json(Map.of("totp", app.freshCode())));
        assertEquals(201, right.status(), right.body());
        assertEquals("Authenticator app", right.json().get("device").get("deviceName").asText());
    }

    @Test
    void enrollmentNeedsASetupFirst() {
        TestUser user = TestUsers.create(realm, "yan");
        Reply enroll = Api.postJson(MFA + "/enroll", userToken(user), Api.json(Map.of("totp", "123456")));
        assertEquals(409, enroll.status());
        assertEquals("SETUP_REQUIRED", enroll.code());
    }

    @Test
    void aPendingSetupExpires() {
        TestUser user = TestUsers.create(realm, "zoe");
        Authenticator app = Authenticator.fromBase32(Api.postJson(MFA + "/setup", userToken(user), "").json().get("secret").asText());

        timeOffSet.set(601);
        Reply late = Api.postJson(MFA + "/enroll", userToken(user), Api.json(Map.of("totp", app.freshCode())));
        assertEquals(409, late.status(), late.body());
        assertEquals("SETUP_REQUIRED", late.code());
    }

    @Test
    void oneDeviceUnlessTheRealmAllowsSeveral() {
        TestUser user = TestUsers.create(realm, "abe");
        String token = userToken(user);
        enroll(token);

        Reply again = Api.postJson(MFA + "/setup", token, "");
        assertEquals(409, again.status());
        assertEquals("ALREADY_ENROLLED", again.code());
    }

    @Test
    void anEnrolledUsersRestLoginNeedsTheAppsCodeOnce() {
        TestUser user = TestUsers.create(realm, "bea");
        Authenticator app = enroll(userToken(user));
        String site = Passwordless.siteToken();
        String emailCode = Passwordless.mailedCode(mailbox, user, site, DemoRealm.SITE);

        Reply withoutTotp = Passwordless.login(site, DemoRealm.SITE, user.email(), emailCode);
        assertEquals(401, withoutTotp.status());
        assertEquals("MFA_REQUIRED", withoutTotp.code());

        Reply wrongTotp = Passwordless.login(site, DemoRealm.SITE, user.email(), emailCode, app.wrongCode());
        assertEquals(401, wrongTotp.status());
        assertEquals("INVALID_TOTP", wrongTotp.code());

        String totp = app.freshCode();
        Reply ok = Passwordless.login(site, DemoRealm.SITE, user.email(), emailCode, totp);
        assertEquals(200, ok.status(), ok.body());
        Secrets.record(ok.json().get("access_token").asText());

        String nextEmailCode = Passwordless.mailedCode(mailbox, user, site, DemoRealm.SITE);
        Reply replay = Passwordless.login(site, DemoRealm.SITE, user.email(), nextEmailCode, totp);
        assertEquals(401, replay.status(), "A TOTP code is accepted once");
        assertEquals("INVALID_TOTP", replay.code());
    }

    @Test
    void aSiteThatRequiresTotpRefusesUsersWithoutADevice() {
        TestUser user = TestUsers.create(realm, "cal");
        String secureSite = Api.clientToken(DemoRealm.NAME, "demo-secure-site", "demo-secure-site-secret");
        String emailCode = Passwordless.mailedCode(mailbox, user, secureSite, "demo-secure-site");

        Reply refused = Passwordless.login(secureSite, "demo-secure-site", user.email(), emailCode);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("MFA_ENROLLMENT_REQUIRED", refused.code());
    }

    @Test
    void aDeviceIsRemovedRightAfterSignInOrWithACurrentCode() {
        TestUser user = TestUsers.create(realm, "dan");
        JsonNode tokens = Passwordless.signIn(mailbox, user);
        String token = tokens.get("access_token").asText();
        Authenticator app = enroll(token);
        String deviceId = Api.get(MFA, token).json().get("devices").get(0).get("id").asText();

        // Past the realm's maximum authentication age (300 s): the refreshed token still belongs to the old sign-in.
        timeOffSet.set(310);
        String stale = refresh(tokens.get("refresh_token").asText());
        Reply refused = Api.send(HttpRequest.newBuilder(URI.create(MFA + "/" + deviceId))
                .header("Authorization", "Bearer " + stale).DELETE().build());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("FRESH_LOGIN_REQUIRED", refused.code());

        Reply wrong = delete(deviceId, stale, app.wrongCode());
        assertEquals(403, wrong.status());
        assertEquals("INVALID_TOTP", wrong.code());

        Reply removed = delete(deviceId, stale, app.freshCode());
        assertEquals(204, removed.status(), removed.body());
        assertEquals("NOT_ENROLLED", Api.get(MFA, stale).json().get("status").asText());

        Reply gone = delete(deviceId, stale, app.wrongCode());
        assertEquals(404, gone.status());
        assertEquals("DEVICE_NOT_FOUND", gone.code());
    }

    @Test
    void theMfaEndpointsActOnlyForTheSignedInUser() {
        Reply anonymous = Api.get(MFA, null);
        assertEquals(401, anonymous.status());
        Reply client = Api.get(MFA, Passwordless.siteToken());
        assertEquals(403, client.status());
        assertEquals("USER_TOKEN_REQUIRED", client.code());

        TestUser owner = TestUsers.create(realm, "eve");
        Authenticator ownersApp = enroll(userToken(owner));
        String ownersDevice = realm.admin().users().get(owner.id()).credentials().get(0).getId();
        TestUser other = TestUsers.create(realm, "fin");
        Reply foreign = delete(ownersDevice, userToken(other), ownersApp.freshCode());
        assertEquals(404, foreign.status(), "Another user's device is not found");
        assertEquals(1, realm.admin().users().get(owner.id()).credentials().size());
    }

    private Authenticator enroll(String token) {
        Authenticator app = Authenticator.fromBase32(Api.postJson(MFA + "/setup", token, "").json().get("secret").asText());
        Reply enroll = Api.postJson(MFA + "/enroll", token, Api.json(Map.of("totp", app.freshCode())));
        assertEquals(201, enroll.status(), enroll.body());
        return app;
    }

    private String userToken(TestUser user) {
        return Passwordless.signIn(mailbox, user).get("access_token").asText();
    }

    private static Reply delete(String deviceId, String token, String totp) {
        return Api.send(HttpRequest.newBuilder(URI.create(MFA + "/" + deviceId))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(Api.json(Map.of("totp", totp))))
                .build());
    }

    private static String refresh(String refreshToken) {
        Reply refreshed = Api.form(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", DemoRealm.SITE, "client_secret", DemoRealm.SITE_SECRET));
        assertEquals(200, refreshed.status(), refreshed.body());
        return Secrets.record(refreshed.json().get("access_token").asText());
    }
}
