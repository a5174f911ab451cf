package dev.lanyard.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LegacyRealm;
import dev.lanyard.testing.LegacyService;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Lazy migration through Keycloak's token endpoint (the REST sign-in of apps): the legacy auth
 * service is a real HTTP server; each test uses people of its own in the shared realm.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class LegacyMigrationIT {

    /** Nothing listens on the discard port: a stopped legacy service. */
    private static final String STOPPED = "http://127.0.0.1:9/legacy";

    @InjectRealm(ref = LegacyRealm.NAME, lifecycle = LifeCycle.GLOBAL, config = LegacyRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    private LegacyService legacy;

    @BeforeEach
    void freshLegacy() {
        legacy = LegacyService.serve(httpServer);
        federation(Map.of("legacyBaseUrl", LegacyService.BASE_URL, "outageCooldownSeconds", "0"));
        // The legacy attributes (legacyUuid, personType) are not in the realm's user profile: let admins see them.
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        realm.admin().users().userProfile().update(profile);
    }

    @Test
    void aLegacyPersonSignsInAndIsImportedUnlinkedWithTheRealmsHash() {
        String name = unique("Lena.Legacy");
        legacy.add(name, name.toLowerCase() + "@legacy.test", "ACTIVE", "legacy-pass-1", "CONSUMER");

        Reply signIn = passwordGrant(name, "legacy-pass-1");
        assertEquals(200, signIn.status(), signIn.body());
        // Keycloak hands usernames over in lower case; legacy finds them regardless of case.
        assertEquals(List.of("GET /auth/admin/client/person/" + name.toLowerCase(), "POST /auth/api/validate/password"), legacy.calls());

        UserRepresentation user = only(name);
        assertNull(user.getFederationLink(), "unlinked after the first sign-in");
        assertEquals(name.toLowerCase() + "@legacy.test", user.getEmail());
        assertTrue(user.isEnabled());
        assertEquals(List.of(name), user.getAttributes().get(LegacyImport.LEGACY_UUID));
        assertTrue(realm.admin().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .anyMatch(r -> r.getName().equals("cardholder")), "legacy CONSUMER becomes the realm role cardholder");
        CredentialRepresentation password = realm.admin().users().get(user.getId()).credentials().stream()
                .filter(c -> "password".equals(c.getType())).findFirst().orElseThrow(() -> new AssertionError("no password stored"));
        assertTrue(password.getCredentialData().contains("\"algorithm\":\"" + LegacyRealm.HASH + "\""), password.getCredentialData());
    }

    /**
     * Seed 003 sees a migrated person as the legacy system did: its legacy roles in myinfo, and its legacy uuid naming
     * it (here: closing its own account by that uuid, which is not its Keycloak id).
     */
    @Test
    void aMigratedPersonKeepsItsLegacyRolesAndUuidInTheAuthService() {
        String name = unique("Ada.Legacy");
        legacy.add(name, name.toLowerCase() + "@legacy.test", "ACTIVE", "legacy-pass-9", "CONSUMER");
        Reply signIn = passwordGrant(name, "legacy-pass-9");
        assertEquals(200, signIn.status(), signIn.body());
        String token = signIn.json().get("access_token").asText();

        Reply info = Api.get(Api.realmUrl(LegacyRealm.NAME) + "/auth/api/myinfo", token);
        assertEquals(200, info.status(), info.body());
        JsonNode roles = info.json().get("responseData").get("personRoles");
        assertTrue(roles.findValuesAsText("name").contains("cardholder"), "the legacy CONSUMER role, as the realm maps it: " + info.body());

        UserRepresentation user = only(name);
        assertFalse(user.getId().equals(name));
        RoleRepresentation deregister = new RoleRepresentation("DEREGISTER_ACCOUNT", "Deregister user account", false);
        if (realm.admin().roles().list().stream().noneMatch(r -> r.getName().equals(deregister.getName()))) {
            realm.admin().roles().create(deregister);
        }
        realm.admin().users().get(user.getId()).roles().realmLevel().add(List.of(realm.admin().roles().get("DEREGISTER_ACCOUNT").toRepresentation()));
        String fresh = passwordGrant(name, "legacy-pass-9").json().get("access_token").asText();
        Reply closed = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.realmUrl(LegacyRealm.NAME) + "/auth/api/deregister/" + name))
                .header("Authorization", "Bearer " + fresh).header("tenantName", LegacyRealm.NAME).DELETE().build());
        assertEquals(200, closed.status(), "the legacy uuid names the person: " + closed.body());
        assertFalse(realm.admin().users().get(user.getId()).toRepresentation().isEnabled());
    }

    @Test
    void theNextSignInNeverCallsLegacyEvenWhenItIsStopped() {
        String name = unique("mo.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-pass-2");
        assertEquals(200, passwordGrant(name, "legacy-pass-2").status());

        federation(Map.of("legacyBaseUrl", STOPPED));
        legacy.forgetCalls();
        Reply again = passwordGrant(name, "legacy-pass-2");
        assertEquals(200, again.status(), again.body());
        assertEquals(List.of(), legacy.calls());
        assertEquals(400, passwordGrant(name, "wrong-pass-2").status(), "Keycloak's own hash decides now");
    }

    @Test
    void aWrongPasswordImportsNothing() {
        String name = unique("wes.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-pass-3");

        Reply wrong = passwordGrant(name, "not-the-password");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("invalid_grant", wrong.json().get("error").asText());
        assertEquals(List.of(), realm.admin().users().search(name, true), "nothing imported");
        assertEquals(List.of(), realm.admin().users().searchByEmail(name + "@legacy.test", true));

        Reply right = passwordGrant(name, "legacy-pass-3");
        assertEquals(200, right.status(), "the right password still migrates the person: " + right.body() + " " + legacy.calls());
        assertEquals(1, realm.admin().users().search(name, true).size());
    }

    @Test
    void legacyDownGivesAClearErrorWhileKeycloakUsersAndTheAdminApiCarryOn() {
        String name = unique("ola.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-pass-4");
        federation(Map.of("legacyBaseUrl", STOPPED));

        Reply down = passwordGrant(name, "legacy-pass-4");
        assertEquals(503, down.status(), down.body());
        assertEquals("temporarily_unavailable", down.json().get("error").asText());
        assertEquals(List.of(), realm.admin().users().search(name, true));

        var local = TestUsers.create(realm, "kim");
        realm.admin().users().get(local.id()).resetPassword(password("keycloak-pass-4"));
        assertEquals(200, passwordGrant(local.username(), "keycloak-pass-4").status(), "people already in Keycloak sign in");
        assertEquals(1, realm.admin().users().search(local.username(), true).size(), "the admin API answers");
        UserRepresentation created = new UserRepresentation();
        created.setUsername(unique("new.hire"));
        created.setEnabled(true);
        try (Response response = realm.admin().users().create(created)) {
            // Creating checks the username through every federation: legacy down must not fail it.
            assertEquals(201, response.getStatus());
        }
    }

    @Test
    void aBrokenLegacyIsLeftAloneForTheCooldown() {
        // Its own URL: the cooldown mark is per federation and URL, and must not reach the other tests.
        federation(Map.of("legacyBaseUrl", LegacyService.BASE_URL + "/", "outageCooldownSeconds", "60"));
        String name = unique("cy.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-pass-5");
        legacy.broken(true);

        assertEquals(503, passwordGrant(name, "legacy-pass-5").status());
        assertEquals(1, legacy.calls().size(), "one call found it broken");
        legacy.broken(false);
        for (int i = 0; i < 3; i++) {
            assertEquals(503, passwordGrant(name, "legacy-pass-5").status());
        }
        assertEquals(1, legacy.calls().size(), "no call during the cooldown");
    }

    @Test
    void byEmailThenByUsernameInAnyCaseIsOnePerson() {
        String name = unique("Ada.Legacy");
        String email = name.toLowerCase() + "@Legacy.Test";
        legacy.add(name, email, "ACTIVE", "legacy-pass-6");

        assertEquals(200, passwordGrant(email.toUpperCase(), "legacy-pass-6").status());
        assertEquals(200, passwordGrant(name.toUpperCase(), "legacy-pass-6").status());
        assertEquals(200, passwordGrant(name.toLowerCase(), "legacy-pass-6").status());
        assertEquals(1, realm.admin().users().search(name, true).size());
        assertEquals(1, realm.admin().users().searchByEmail(email, true).size());
        assertEquals(2, legacy.calls().size(), "one lookup and one password check, then Keycloak's own");
    }

    @Test
    void searchesInTheAdminConsoleNeverCallLegacy() {
        String name = unique("sam.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-pass-7");

        assertEquals(List.of(), realm.admin().users().search(name));
        assertEquals(List.of(), realm.admin().users().search(name, true));
        assertEquals(List.of(), realm.admin().users().searchByEmail(name + "@legacy.test", true));
        assertEquals(0, realm.admin().users().count(name));
        assertEquals(List.of(), legacy.calls());
    }

    @Test
    void lockedPeopleArriveDisabledAndInactiveOnesMustChooseANewPassword() {
        String locked = unique("lou.legacy");
        legacy.add(locked, locked + "@legacy.test", "LOCKED", "legacy-pass-8");
        Reply refused = passwordGrant(locked, "legacy-pass-8");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("Account disabled", refused.json().get("error_description").asText());
        assertFalse(only(locked).isEnabled());

        String inactive = unique("ian.legacy");
        legacy.add(inactive, inactive + "@legacy.test", "INACTIVE", "legacy-pass-9");
        Reply notSetUp = passwordGrant(inactive, "legacy-pass-9");
        assertEquals(400, notSetUp.status(), notSetUp.body());
        assertEquals("Account is not fully set up", notSetUp.json().get("error_description").asText());
        UserRepresentation user = only(inactive);
        assertTrue(user.isEnabled());
        assertEquals(List.of("UPDATE_PASSWORD"), user.getRequiredActions());
    }

    @Test
    void aLegacyPasswordThatBreaksTheRealmPolicyIsAcceptedOnceThenMustBeReplaced() {
        String name = unique("pat.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", "short7!");
        Reply signIn = passwordGrant(name, "short7!");
        assertEquals(400, signIn.status(), signIn.body());
        assertEquals("Account is not fully set up", signIn.json().get("error_description").asText());
        UserRepresentation user = only(name);
        assertEquals(List.of("UPDATE_PASSWORD"), user.getRequiredActions());
        assertEquals(LegacyRealm.federationId(realm),
                user.getFederationLink(), "linked until a password of the realm's policy exists");
    }

    private Reply passwordGrant(String username, String password) {
        Reply reply = Api.form(Api.realmUrl(LegacyRealm.NAME) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", LegacyRealm.APP, "client_secret", LegacyRealm.APP_SECRET,
                "username", username, "password", Secrets.record(password)));
        if (reply.status() == 200) {
            Secrets.record(reply.json().get("access_token").asText());
            Secrets.record(reply.json().get("refresh_token").asText());
        }
        return reply;
    }

    /**
     * A passcode asked while legacy does not answer: the same 202 as for anybody (no oracle of who has not moved), and
     * the passcode follows once legacy answers again, within its lifetime.
     */
    @Test
    void aPasscodeAskedDuringAnOutageIsAnsweredAlikeAndFollowsWhenLegacyAnswers() {
        String name = unique("otto.legacy");
        String email = name + "@legacy.test";
        legacy.add(name, email, "ACTIVE", "legacy-pass-6");
        String site = siteToken();
        federation(Map.of("legacyBaseUrl", STOPPED));

        Reply duringOutage = Api.postJson(Api.realmUrl(LegacyRealm.NAME) + "/user/send-passcode", site,
                Api.json(Map.of("email", email, "siteId", LegacyRealm.APP)));
        Reply nobody = Api.postJson(Api.realmUrl(LegacyRealm.NAME) + "/user/send-passcode", site,
                Api.json(Map.of("email", unique("nobody") + "@legacy.test", "siteId", LegacyRealm.APP)));
        assertEquals(202, duringOutage.status(), duringOutage.body());
        assertEquals(nobody.body(), duringOutage.body(), "an outage answers like an unknown address");
        assertEquals(0, new Mailbox(mailServer).messagesTo(email).size());

        federation(Map.of("legacyBaseUrl", LegacyService.BASE_URL));
        String passcode = new Mailbox(mailServer).awaitCode(email, 1);
        assertTrue(passcode.length() >= 6, "the passcode followed once legacy answered");
        assertEquals(1, realm.admin().users().searchByEmail(email, true).size(), "and the person moved over");
    }

    /** The site password login over REST migrates a legacy person as the token endpoint does. */
    @Test
    void aLegacyPersonSignsInThroughTheSitePasswordLoginAndMovesOver() {
        String name = unique("sina.legacy");
        legacy.add(name, name + "@legacy.test", "ACTIVE", Secrets.record("legacy-pass-7"), "CONSUMER");
        Reply wrong = Api.postJson(Api.realmUrl(LegacyRealm.NAME) + "/user/site/" + LegacyRealm.APP + "/login", siteToken(),
                Api.json(Map.of("username", name, "password", "legacy-wrong-7")));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals(List.of(), realm.admin().users().search(name, true), "a wrong password imports nobody");
        Reply right = Api.postJson(Api.realmUrl(LegacyRealm.NAME) + "/user/site/" + LegacyRealm.APP + "/login", siteToken(),
                Api.json(Map.of("username", name, "password", "legacy-pass-7")));
        assertEquals(200, right.status(), right.body());
        Secrets.record(right.json().get("access_token").asText());
        Secrets.record(right.json().get("refresh_token").asText());
        assertNull(only(name).getFederationLink(), "imported and unlinked, as at the token endpoint");
    }

    /**
     * Seed 002's IgnoreProvider: false looks the address up through the legacy directory too (a person still there is
     * not created twice; the directory down is UsersOrchestrator_E500_01, nothing created), true only in Keycloak's store.
     */
    @Test
    void theUsersOrchestratorAsksTheLegacyDirectoryUnlessToldToIgnoreIt() {
        String site = siteToken();
        org.keycloak.representations.idm.ClientRepresentation app = realm.admin().clients().findByClientId(LegacyRealm.APP).get(0);
        app.getAttributes().put("lanyard.paper-code", "LEGACY-PAPER");
        app.getAttributes().put("lanyard.client-group-code", "LEGACY-GROUP");
        realm.admin().clients().get(app.getId()).update(app);
        String name = unique("olga.legacy");
        String email = name + "@legacy.test";
        legacy.add(name, email, "ACTIVE", "legacy-pass-8");

        Reply inLegacy = orchestrate(site, Api.json(Map.of("email", email)));
        assertEquals(400, inLegacy.status(), inLegacy.body());
        assertEquals("UsersOrchestrator_E400_08", inLegacy.json().get("code").asText(), "found in the legacy directory");

        federation(Map.of("legacyBaseUrl", STOPPED));
        String newcomer = unique("nina.new") + "@legacy.test";
        Reply down = orchestrate(site, Api.json(Map.of("email", newcomer)));
        assertEquals(500, down.status(), down.body());
        assertEquals("UsersOrchestrator_E500_01", down.json().get("code").asText());
        assertFalse(down.body().contains("Exception"), down.body());
        assertEquals(List.of(), realm.admin().users().searchByEmail(newcomer, true), "nothing created while the lookup failed");

        Reply ownStoreOnly = orchestrate(site, Api.json(Map.of("email", newcomer, "ignoreProvider", true)));
        assertEquals(201, ownStoreOnly.status(), ownStoreOnly.body());
        Secrets.record(ownStoreOnly.json().get("changePasswordUrl").asText());
    }

    private static Reply orchestrate(String siteToken, String body) {
        return Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.realmUrl(LegacyRealm.NAME) + "/v4/Users"))
                .timeout(java.time.Duration.ofSeconds(30)).header("Authorization", "Bearer " + siteToken)
                .header("Content-Type", "application/json").header("X-SourceSystem", "it").header("X-ClientCode", LegacyRealm.NAME)
                .header("X-PaperCode", "LEGACY-PAPER").header("X-ClientGroupCode", "LEGACY-GROUP")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A client-credentials token of the realm's app, which acts as a site (its own service account). */
    private String siteToken() {
        org.keycloak.representations.idm.ClientRepresentation app = realm.admin().clients().findByClientId(LegacyRealm.APP).get(0);
        if (!Boolean.TRUE.equals(app.isServiceAccountsEnabled())) {
            app.setServiceAccountsEnabled(true);
            realm.admin().clients().get(app.getId()).update(app);
        }
        return Api.clientToken(LegacyRealm.NAME, LegacyRealm.APP, LegacyRealm.APP_SECRET);
    }

    private void federation(Map<String, String> changes) {
        LegacyRealm.updateFederation(realm, changes);
    }

    private UserRepresentation only(String username) {
        List<UserRepresentation> found = realm.admin().users().search(username, true);
        assertEquals(1, found.size(), "one user " + username);
        return realm.admin().users().get(found.get(0).getId()).toRepresentation();
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("password");
        credential.setValue(Secrets.record(value));
        credential.setTemporary(false);
        return credential;
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 6);
    }
}
