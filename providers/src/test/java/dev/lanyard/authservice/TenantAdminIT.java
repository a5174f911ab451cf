package dev.lanyard.authservice;

import static dev.lanyard.testing.AuthService.call;
import static dev.lanyard.testing.AuthService.code;
import static dev.lanyard.testing.AuthService.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.RealmBuilder;

/**
 * Seed 003's tenant admin API (tenant info, person reads, status, admin resets) as a tenant's back office calls it:
 * each operation with an admin holding exactly its entitlement, every other entitlement 403, and another tenant's
 * person 404.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class TenantAdminIT {

    private static final String TENANT = DemoRealm.NAME;
    private static final List<String> ENTITLEMENTS = List.of("ADMIN_MANAGE_CLIENT", "ADMIN_MANAGE_CLIENT_USER",
            "ADMIN_MANAGE_CLIENT_USER_ROLE", "ADMIN_MANAGE_CLIENT_USER_STATUS", "ADMIN_RESET_USER_PASSWORD", "ADMIN_RESET_USER_PIN");

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other-tenant", config = OtherTenant.class)
    ManagedRealm otherRealm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void eachOperationTakesExactlyItsEntitlement() throws Exception {
        Map<String, String> admins = admins();
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "managed");
        String personToken = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String strangerId = TestUsers.create(otherRealm, "stranger").id();

        // Reads.
        Reply tenant = onlyWith(admins, "ADMIN_MANAGE_CLIENT", token -> call("GET", "/admin/client/" + TENANT, token, null,
                "accept", "application/json;charset=UTF-8"));
        assertEquals("CONSUMER", data(tenant).get("defaultRole").get("name").asText(), tenant.body());
        assertTrue(data(tenant).get("defaultRole").get("clientRoleEntitlements").findValuesAsText("authority").contains("RESET_PASSWORD"));
        assertEquals("TENANT_NOT_FOUND", code(call("GET", "/admin/client/" + otherRealm.getName(), admins.get("ADMIN_MANAGE_CLIENT"), null)));

        Reply read = onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER", token -> call("GET", "/admin/client/person/" + person.userId(), token, null,
                "tenantName", TENANT));
        assertEquals("ACTIVE", data(read).get("status").asText());
        assertTrue(data(read).get("password").isNull());
        Reply listed = call("GET", "/admin/client/person?username=" + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8),
                admins.get("ADMIN_MANAGE_CLIENT_USER"), null);
        assertEquals(List.of(person.email()), data(listed).findValuesAsText("username"), listed.body());
        assertEquals(person.userId(), data(listed).get(0).get("id").asText(), "the list names persons by uuid");
        assertEquals("PERSON_NOT_FOUND", code(call("GET", "/admin/client/person/" + strangerId, admins.get("ADMIN_MANAGE_CLIENT_USER"), null)),
                "another tenant's person is not found here");

        // Status: lock ends the sessions and refuses sign-in; unlock lets it in again; INACTIVE asks for a new password.
        onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER_STATUS", token -> call("POST", "/admin/client/person/" + person.userId() + "/lock", token, null,
                "tenantName", TENANT));
        assertEquals(401, call("GET", "/api/myinfo", personToken, null).status(), "the person's tokens die with the lock");
        assertEquals(403, Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD).status());
        assertEquals("LOCKED", data(call("GET", "/admin/client/person/" + person.userId(), admins.get("ADMIN_MANAGE_CLIENT_USER"), null))
                .get("status").asText());
        assertEquals(200, call("PUT", "/admin/client/person/" + person.userId() + "/unlock", admins.get("ADMIN_MANAGE_CLIENT_USER_STATUS"), null,
                "tenantName", TENANT).status());
        personToken = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();

        onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER_STATUS", token -> call("POST", "/admin/client/person/" + person.userId() + "/status", token,
                "\"INACTIVE\"", "tenantName", TENANT));
        JsonNode inactive = data(call("GET", "/admin/client/person/" + person.userId(), admins.get("ADMIN_MANAGE_CLIENT_USER"), null));
        assertEquals("INACTIVE", inactive.get("status").asText());
        assertTrue(inactive.get("needChangePassword").asBoolean());
        assertEquals("ACCOUNT_SETUP_REQUIRED", Accounts.passwordLogin(site, DemoRealm.SITE, "email", person.email(), Accounts.PASSWORD).code());
        assertEquals("INVALID_STATUS", code(call("PUT", "/admin/client/person/" + person.userId() + "/status",
                admins.get("ADMIN_MANAGE_CLIENT_USER_STATUS"), "\"SLEEPING\"", "tenantName", TENANT)));
        assertEquals(200, call("PUT", "/admin/client/person/" + person.userId() + "/status", admins.get("ADMIN_MANAGE_CLIENT_USER_STATUS"),
                "{\"status\": \"ACTIVE\"}", "tenantName", TENANT).status());
        personToken = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();

        // Resets with the person's answer, as the seed shows.
        String answer = Secrets.record("Sedona " + person.userId().substring(0, 6));
        assertEquals(200, call("POST", "/api/myinfo/securityAnswer", personToken,
                "{\"answer\":\"" + answer + "\",\"securityQuestion\":{\"id\":2}}").status());
        String body = Api.json(Map.of("answer", answer, "securityQuestionId", 2));
        onlyWith(admins, "ADMIN_RESET_USER_PIN", token -> call("POST", "/admin/client/person/" + person.userId() + "/resetPin", token, body,
                "tenantName", TENANT));
        Mailbox.codeIn(mailbox.awaitMessage(person.email(), 2));
        Reply wrong = call("POST", "/admin/client/person/" + person.userId() + "/resetPassword", admins.get("ADMIN_RESET_USER_PASSWORD"),
                Api.json(Map.of("answer", "Santafe", "securityQuestionId", 2)), "tenantName", TENANT);
        assertEquals("ANSWER_NOT_ACCEPTED", code(wrong));
        realm.admin().attackDetection().clearBruteForceForUser(person.userId());
        onlyWith(admins, "ADMIN_RESET_USER_PASSWORD", token -> call("PUT", "/admin/client/person/" + person.userId() + "/resetPassword", token, body,
                "tenantName", TENANT));
        assertTrue(mailbox.awaitMessage(person.email(), 3).getSubject().contains("temporary password"));
        assertTrue(realm.admin().users().get(person.userId()).toRepresentation().getRequiredActions().contains("UPDATE_PASSWORD"));
    }

    @Test
    void anAdminCreatesUpdatesGrantsWithoutEscalationAndDeletesAPerson() {
        Map<String, String> admins = admins();
        String site = Passwordless.siteToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String uuid = "johndoe12345-" + tag;
        String email = "john-" + tag + "@lanyard.test";
        String password = Secrets.record("Test1234!-" + tag);
        // The seed's example request, with its own username, uuid and address.
        String example = "{\"contact\": \"" + email + "\", \"contactType\": \"EMAIL\", \"firstName\": \"John\", \"lastName\": \"Doe\","
                + " \"password\": \"" + password + "\", \"personType\": \"SUBSCRIBER\", \"pin\": \"1234\", \"preferredLanguage\": \"EN\","
                + " \"resetRequired\": true, \"roleNames\": [\"CONSUMER\"], \"timeZoneFormatted\": \"EST\", \"username\": \"johndoe" + tag + "\","
                + " \"uuid\": \"" + uuid + "\"}";
        Reply created = onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER", token -> call("POST", "/admin/client/person", token, example,
                "accept", "application/json;charset=UTF-8", "tenantName", TENANT));
        JsonNode person = data(created);
        assertEquals(uuid, person.get("id").asText(), created.body());
        assertEquals("INACTIVE", person.get("status").asText());
        assertTrue(person.get("needChangePassword").asBoolean());
        assertEquals("SUBSCRIBER", person.get("personType").asText());
        assertEquals("EST", person.get("timeZoneFormatted").asText());
        assertEquals("EN", person.get("preferredLanguage").asText());
        assertTrue(person.get("personRoles").findValuesAsText("name").contains("CONSUMER"));
        assertTrue(person.get("password").isNull() && person.get("pin").isNull());
        assertEquals("ACCOUNT_SETUP_REQUIRED", Accounts.passwordLogin(site, DemoRealm.SITE, "email", email, password).code(),
                "resetRequired: a new password before the first sign-in");
        assertTrue(data(call("POST", "/api/validate/pin", site, Api.json(Map.of("pin", "1234", "uuid", uuid)))).get("pinValidated").asBoolean(),
                "the seed's example PIN is set under the default PIN policy");

        String userAdmin = admins.get("ADMIN_MANAGE_CLIENT_USER");
        assertEquals("USERNAME_TAKEN", code(call("POST", "/admin/client/person", userAdmin, example.replace(uuid, uuid + "x"), "tenantName", TENANT)));
        assertEquals("UUID_TAKEN", code(call("POST", "/admin/client/person", userAdmin,
                example.replace("\"username\": \"johndoe" + tag, "\"username\": \"janedoe" + tag).replace(email, "jane-" + email), "tenantName", TENANT)));

        Reply updated = call("PUT", "/admin/client/person/" + uuid, userAdmin, "{\"lastName\": \"Roe\", \"personType\": \"COMPANY_USER\"}",
                "tenantName", TENANT);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Roe", data(updated).get("lastName").asText());
        assertEquals("COMPANY_USER", data(updated).get("personType").asText());
        assertEquals("EST", data(updated).get("timeZoneFormatted").asText(), "what the update does not name stays");

        // Roles: an admin of person roles grants CONSUMER but not ADMIN, which carries entitlements it lacks.
        String roleAdmin = admins.get("ADMIN_MANAGE_CLIENT_USER_ROLE");
        Reply escalation = call("POST", "/admin/client/person/role", roleAdmin, "{\"roleName\":\"ADMIN\",\"uuid\":\"" + uuid + "\"}",
                "tenantName", TENANT);
        assertEquals(403, escalation.status(), escalation.body());
        assertEquals("ESCALATION", code(escalation));
        assertEquals("ROLE_NOT_FOUND", code(call("POST", "/admin/client/person/role", roleAdmin,
                "{\"roleName\":\"offline_access\",\"uuid\":\"" + uuid + "\"}", "tenantName", TENANT)), "only the tenant's seed roles");
        onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER_ROLE", token -> call("POST", "/admin/client/person/role", token,
                "{\"roleName\":\"CONSUMER\",\"uuid\":\"" + uuid + "\"}", "tenantName", TENANT));
        String fullAdmin = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        assertEquals(200, call("POST", "/admin/client/person/role", fullAdmin, "{\"roleName\":\"ADMIN\",\"uuid\":\"" + uuid + "\"}",
                "tenantName", TENANT).status(), "an admin holding all of ADMIN's entitlements may grant it");
        Reply roles = onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER_ROLE", token -> call("GET", "/admin/client/person/role", token,
                "{\"uuid\":\"" + uuid + "\"}", "tenantName", TENANT));
        List<String> held = new ArrayList<>();
        data(roles).forEach(r -> held.add(r.get("role").get("name").asText()));
        assertEquals(List.of("ADMIN", "CONSUMER"), held.stream().sorted().toList(), roles.body());
        assertEquals(403, call("DELETE", "/admin/client/person/role", roleAdmin, "{\"roleName\":\"ADMIN\",\"uuid\":\"" + uuid + "\"}",
                "tenantName", TENANT).status(), "nor can it take ADMIN away");
        assertEquals(200, call("DELETE", "/admin/client/person/role", roleAdmin, "{\"roleName\":\"CONSUMER\",\"uuid\":\"" + uuid + "\"}",
                "tenantName", TENANT).status());

        onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER", token -> call("DELETE", "/admin/client/person/" + uuid, token, null, "tenantName", TENANT));
        assertEquals("PERSON_NOT_FOUND", code(call("GET", "/admin/client/person/" + uuid, userAdmin, null)));
    }

    /** Calls {@code request} as each admin: the one holding {@code entitlement} gets 200 (returned), every other 403. */
    private static Reply onlyWith(Map<String, String> admins, String entitlement, java.util.function.Function<String, Reply> request) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> admin : admins.entrySet()) {
            if (!admin.getKey().equals(entitlement)) {
                Reply refused = request.apply(admin.getValue());
                if (refused.status() != 403 || !"NOT_ENTITLED".equals(code(refused))) {
                    wrong.add(admin.getKey() + ": " + refused.status() + " " + refused.body());
                }
            }
        }
        assertEquals(List.of(), wrong, "only " + entitlement + " may");
        Reply allowed = request.apply(admins.get(entitlement));
        assertEquals(200, allowed.status(), entitlement + ": " + allowed.body());
        return allowed;
    }

    /** A client per tenant-admin entitlement whose service account holds exactly that one. */
    private Map<String, String> admins() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String entitlement : ENTITLEMENTS) {
            String clientId = "tenant-admin-" + entitlement;
            String secret = "secret-" + UUID.randomUUID();
            if (realm.admin().clients().findByClientId(clientId).isEmpty()) {
                ClientRepresentation client = new ClientRepresentation();
                client.setClientId(clientId);
                client.setSecret(secret);
                client.setPublicClient(false);
                client.setServiceAccountsEnabled(true);
                client.setStandardFlowEnabled(false);
                try (Response created = realm.admin().clients().create(client)) {
                    assertEquals(201, created.getStatus());
                }
                String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
                String serviceAccount = realm.admin().clients().get(id).getServiceAccountUser().getId();
                realm.admin().users().get(serviceAccount).roles().realmLevel().add(List.of(realm.admin().roles().get(entitlement).toRepresentation()));
            } else {
                String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
                secret = realm.admin().clients().get(id).getSecret().getValue();
            }
            tokens.put(entitlement, Api.clientToken(DemoRealm.NAME, clientId, secret));
        }
        return tokens;
    }

    static final class OtherTenant implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("other-tenant");
        }
    }
}
