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
            "ADMIN_MANAGE_CLIENT_USER_ROLE", "ADMIN_MANAGE_CLIENT_USER_STATUS", "ADMIN_RESET_USER_PASSWORD", "ADMIN_RESET_USER_PIN",
            "ADMIN_MANAGE_CLIENT_ROLE", "ADMIN_MANAGE_ENTITLEMENT", "ADMIN_MANAGE_SECURITY_QUESTION");

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

        // Each change is a Keycloak admin event by the calling admin, and an ADMIN record in the person's audit trail.
        String userId = realm.admin().users().search("johndoe" + tag, true).get(0).getId();
        List<String> operations = new ArrayList<>();
        realm.admin().getAdminEvents(null, null, null, null, null, "users/" + userId + "*", null, null, 0, 100).forEach(e ->
                operations.add(e.getOperationType() + " " + e.getResourceType()));
        assertTrue(operations.containsAll(List.of("CREATE USER", "UPDATE USER", "CREATE REALM_ROLE_MAPPING", "DELETE REALM_ROLE_MAPPING")),
                operations.toString());
        String auditor = Api.clientToken(DemoRealm.NAME, DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET);
        JsonNode trail = Api.get(Api.realmUrl(DemoRealm.NAME) + "/auth/admin/client/person/audit/" + userId, auditor).json().get("responseData");
        List<String> adminRecords = new ArrayList<>();
        trail.forEach(r -> {
            if ("ADMIN".equals(r.get("auditCategory").asText())) {
                adminRecords.add(r.get("auditAction").asText() + " " + r.get("name").asText());
            }
        });
        assertTrue(adminRecords.containsAll(List.of("CREATE USER_CREATE", "UPDATE USER_UPDATE")), adminRecords + " in " + trail);

        onlyWith(admins, "ADMIN_MANAGE_CLIENT_USER", token -> call("DELETE", "/admin/client/person/" + uuid, token, null, "tenantName", TENANT));
        assertEquals("PERSON_NOT_FOUND", code(call("GET", "/admin/client/person/" + uuid, userAdmin, null)));
    }

    @Test
    void rolesCarryTheSeedsNumbersAndNoAdminGivesWhatItLacks() {
        Map<String, String> admins = admins();
        String roleAdmin = admins.get("ADMIN_MANAGE_CLIENT_ROLE");
        Reply list = onlyWith(admins, "ADMIN_MANAGE_CLIENT_ROLE", token -> call("GET", "/admin/client/role", token, null,
                "accept", "application/json;charset=UTF-8", "tenantName", TENANT));
        Map<String, Integer> ids = new LinkedHashMap<>();
        data(list).forEach(r -> ids.put(r.get("name").asText(), r.get("id").asInt()));
        assertEquals(3, ids.get("CONSUMER"), list.body());
        assertEquals(6, ids.get("ADMIN"), list.body());
        assertTrue(data(list).get(0).get("clientRoleEntitlements").isNull(), "the list leaves entitlements out, as the seed's");
        Reply entitlements = onlyWith(admins, "ADMIN_MANAGE_ENTITLEMENT", token -> call("GET", "/admin/client/entitlement", token, null));
        Map<String, Integer> entitlementIds = new LinkedHashMap<>();
        data(entitlements).forEach(e -> entitlementIds.put(e.get("name").asText(), e.get("id").asInt()));
        assertEquals(7, entitlementIds.get("GET_TEMPORARY_PIN"), entitlements.body());
        assertEquals(2, entitlementIds.get("RESET_PASSWORD"));

        // The seed's example request, as it is.
        String example = "{\"clientRoleEntitlements\": [{\"entitlement\": {\"description\": \"get temporary pin\", \"id\": 7,"
                + " \"name\": \"GET_TEMPORARY_PIN\"}}, {\"entitlement\": {\"description\": \"Reset User Password\", \"id\": 2,"
                + " \"name\": \"RESET_PASSWORD\"}}], \"description\": \"Shopper role\", \"name\": \"SHOPPER\"}";
        Reply created = onlyWith(admins, "ADMIN_MANAGE_CLIENT_ROLE", token -> call("POST", "/admin/client/role", token, example,
                "tenantName", TENANT));
        JsonNode shopper = data(created);
        int shopperId = shopper.get("id").asInt();
        assertTrue(shopperId > 6, created.body());
        assertEquals(List.of("GET_TEMPORARY_PIN", "RESET_PASSWORD"), shopper.get("clientRoleEntitlements").findValuesAsText("authority").stream().sorted().toList());
        List<String> numbered = new ArrayList<>();
        shopper.get("clientRoleEntitlements").forEach(m -> numbered.add(m.get("entitlement").get("id").asInt() + " " + m.get("authority").asText()));
        assertEquals(List.of("2 RESET_PASSWORD", "7 GET_TEMPORARY_PIN"), numbered, "entitlements by the seed's numbers, in order");
        assertTrue(shopper.get("createdDate").asLong() > 0, created.body());
        assertEquals("ROLE_NAME_TAKEN", code(call("POST", "/admin/client/role", roleAdmin, example, "tenantName", TENANT)));
        Reply escalation = call("POST", "/admin/client/role", roleAdmin, "{\"name\": \"DESK\", \"clientRoleEntitlements\":"
                + " [{\"entitlement\": {\"id\": 14}}]}", "tenantName", TENANT);
        assertEquals(403, escalation.status(), escalation.body());
        assertEquals("ESCALATION", code(escalation), "ADMIN_MANAGE_CLIENT_USER (14) is not the role admin's to give");
        assertEquals("ENTITLEMENT_NOT_FOUND", code(call("POST", "/admin/client/role", roleAdmin, "{\"name\": \"DESK\","
                + " \"clientRoleEntitlements\": [{\"entitlement\": {\"name\": \"offline_access\"}}]}", "tenantName", TENANT)));
        assertEquals("ENTITLEMENT_MISMATCH", code(call("POST", "/admin/client/role", roleAdmin, "{\"name\": \"DESK\","
                + " \"clientRoleEntitlements\": [{\"entitlement\": {\"id\": 7, \"name\": \"RESET_PIN\"}}]}", "tenantName", TENANT)));

        // Read by number or name; the seed's "Search role by role ID" is a POST without a body.
        assertEquals("SHOPPER", data(onlyWith(admins, "ADMIN_MANAGE_CLIENT_ROLE", token -> call("GET", "/admin/client/role/" + shopperId, token,
                null, "tenantName", TENANT))).get("name").asText());
        assertEquals("Shopper role", data(call("POST", "/admin/client/role/" + shopperId, roleAdmin, null, "tenantName", TENANT))
                .get("description").asText());
        assertEquals(shopperId, data(call("GET", "/admin/client/role/SHOPPER", roleAdmin, null)).get("id").asInt());
        assertEquals("ROLE_NOT_FOUND", code(call("GET", "/admin/client/role/RESET_PIN", roleAdmin, null)), "an entitlement is no role");
        assertEquals("ROLE_NOT_FOUND", code(call("GET", "/admin/client/role/99999", roleAdmin, null)));

        // The seed's update example adds RESET_PIN (3).
        String update = example.replace("\"Shopper role\"", "\"Role for shopper\"").replace("}}], \"description\"",
                "}}, {\"entitlement\": {\"description\": \"Reset User Pin\", \"id\": 3, \"name\": \"RESET_PIN\"}}], \"description\"");
        Reply updated = onlyWith(admins, "ADMIN_MANAGE_CLIENT_ROLE", token -> call("POST", "/admin/client/role/" + shopperId, token, update,
                "tenantName", TENANT));
        assertEquals("Role for shopper", data(updated).get("description").asText(), updated.body());
        assertEquals(3, data(updated).get("clientRoleEntitlements").size(), updated.body());
        assertEquals(403, call("PUT", "/admin/client/role/" + ids.get("ADMIN"), roleAdmin, "{\"clientRoleEntitlements\": [{\"entitlement\":"
                + " {\"name\": \"ADMIN_MANAGE_CLIENT_ROLE\"}}]}", "tenantName", TENANT).status(), "nor take from ADMIN what it lacks");

        // In use: held by a person, or the tenant's default role.
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "shopper");
        String fullAdmin = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        assertEquals(200, call("POST", "/admin/client/person/role", fullAdmin, "{\"roleName\":\"SHOPPER\",\"uuid\":\"" + person.userId() + "\"}",
                "tenantName", TENANT).status());
        Reply inUse = call("DELETE", "/admin/client/role/" + shopperId, roleAdmin, null, "tenantName", TENANT);
        assertEquals("ROLE_IN_USE", code(inUse), inUse.body());
        assertTrue(inUse.body().contains("1 person"), inUse.body());
        assertEquals("ROLE_IN_USE", code(call("DELETE", "/admin/client/role/" + ids.get("CONSUMER"), roleAdmin, null, "tenantName", TENANT)));
        assertEquals(200, call("DELETE", "/admin/client/person/role", fullAdmin, "{\"roleName\":\"SHOPPER\",\"uuid\":\"" + person.userId() + "\"}",
                "tenantName", TENANT).status());
        onlyWith(admins, "ADMIN_MANAGE_CLIENT_ROLE", token -> call("DELETE", "/admin/client/role/" + shopperId, token, null, "tenantName", TENANT));
        assertEquals("ROLE_NOT_FOUND", code(call("GET", "/admin/client/role/" + shopperId, roleAdmin, null)));
        Reply again = call("POST", "/admin/client/role", roleAdmin, example, "tenantName", TENANT);
        assertTrue(data(again).get("id").asInt() > shopperId, "a number is never given twice: " + again.body());
        assertEquals(200, call("DELETE", "/admin/client/role/SHOPPER", roleAdmin, null, "tenantName", TENANT).status());

        List<String> roleEvents = new ArrayList<>();
        realm.admin().getAdminEvents(null, null, null, null, null, "roles-by-id/*", null, null, 0, 100).forEach(e ->
                roleEvents.add(e.getOperationType() + " " + e.getAuthDetails().getClientId()));
        String actor = realm.admin().clients().findByClientId("tenant-admin-ADMIN_MANAGE_CLIENT_ROLE").get(0).getId();
        assertTrue(roleEvents.containsAll(List.of("CREATE " + actor, "UPDATE " + actor, "DELETE " + actor)), "admin events by the role admin: " + roleEvents);
    }

    @Test
    void rolesNumberedAtOnceNeverShareANumber() throws Exception {
        String roleAdmin = admins().get("ADMIN_MANAGE_CLIENT_ROLE");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // Roles made in the admin console have no number yet: eight parallel reads number them, each once.
        for (int i = 0; i < 4; i++) {
            org.keycloak.representations.idm.RoleRepresentation role = new org.keycloak.representations.idm.RoleRepresentation();
            role.setName("console-" + tag + "-" + i);
            role.setAttributes(Map.of("lanyard.seed-role", List.of("true")));
            realm.admin().roles().create(role);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Reply>> reads = new ArrayList<>();
            List<java.util.concurrent.Future<Reply>> creations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> call("GET", "/admin/client/role", roleAdmin, null)));
                String body = "{\"name\": \"parallel-" + tag + "-" + i + "\", \"clientRoleEntitlements\": [{\"entitlement\": {\"id\": 2}}]}";
                creations.add(pool.submit(() -> call("POST", "/admin/client/role", roleAdmin, body, "tenantName", TENANT)));
            }
            Map<String, Integer> seen = null;
            for (java.util.concurrent.Future<Reply> read : reads) {
                Map<String, Integer> numbers = new LinkedHashMap<>();
                data(read.get()).forEach(r -> numbers.put(r.get("name").asText(), r.get("id").asInt()));
                numbers.keySet().removeIf(name -> !name.startsWith("console-" + tag));
                assertEquals(4, numbers.size(), read.get().body());
                if (seen != null) {
                    assertEquals(seen, numbers, "every reader sees the same numbers");
                }
                seen = numbers;
            }
            List<Integer> all = new ArrayList<>(seen.values());
            for (java.util.concurrent.Future<Reply> creation : creations) {
                assertEquals(200, creation.get().status(), creation.get().body());
                all.add(data(creation.get()).get("id").asInt());
            }
            assertEquals(all.size(), new java.util.HashSet<>(all).size(), "no number given twice: " + all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void questionsAddedAtOnceGetTheirOwnIdsAndARetiredOneKeepsItsAnswers() throws Exception {
        Map<String, String> admins = admins();
        String questionAdmin = admins.get("ADMIN_MANAGE_SECURITY_QUESTION");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Integer> ids = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<Reply>> adds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String body = "{\"question\": \"Which street did you grow up on, " + tag + "-" + i + "?\"}";
                adds.add(pool.submit(() -> call("POST", "/admin/client/securityQuestions", questionAdmin, body, "tenantName", TENANT)));
            }
            for (java.util.concurrent.Future<Reply> add : adds) {
                assertEquals(200, add.get().status(), add.get().body());
                ids.add(data(add.get()).get("id").asInt());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, new java.util.HashSet<>(ids).size(), "four questions added at once, four ids: " + ids);
        Reply listed = onlyWith(admins, "ADMIN_MANAGE_SECURITY_QUESTION", token -> call("GET", "/admin/client/securityQuestions", token, null));
        List<String> wordings = data(listed).findValuesAsText("question");
        assertTrue(wordings.stream().filter(q -> q.contains(tag)).count() == 4, "no addition lost: " + listed.body());
        int id = ids.get(0);
        Reply reworded = onlyWith(admins, "ADMIN_MANAGE_SECURITY_QUESTION", token -> call("PUT", "/admin/client/securityQuestions/" + id, token,
                "{\"question\": \"Which street did you live on at ten, " + tag + "?\"}", "tenantName", TENANT));
        assertEquals(id, data(reworded).get("id").asInt());

        // A person answers it; once retired, it is offered no more and takes no new answers, but the answer still resets.
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "retired-q");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String answer = Secrets.record("Elm " + tag);
        assertEquals(200, call("POST", "/api/myinfo/securityAnswer", token, "{\"answer\":\"" + answer + "\",\"securityQuestion\":{\"id\":" + id + "}}").status());
        onlyWith(admins, "ADMIN_MANAGE_SECURITY_QUESTION", t -> call("DELETE", "/admin/client/securityQuestions/" + id, t, null, "tenantName", TENANT));
        List<Integer> offered = new ArrayList<>();
        data(call("GET", "/api/securityQuestions", site, null)).forEach(q -> offered.add(q.get("id").asInt()));
        assertTrue(!offered.contains(id) && offered.contains(ids.get(1)), offered.toString());
        assertEquals("UNKNOWN_QUESTION", code(call("POST", "/api/myinfo/securityAnswer", token,
                "{\"answer\":\"Oak\",\"securityQuestion\":{\"id\":" + id + "}}")));
        int mails = mailbox.messagesTo(person.email()).size();
        assertEquals(200, call("POST", "/admin/client/person/" + person.userId() + "/resetPin", admins.get("ADMIN_RESET_USER_PIN"),
                Api.json(Map.of("answer", answer, "securityQuestionId", id)), "tenantName", TENANT).status());
        mailbox.awaitMessage(person.email(), mails + 1);
        assertEquals("QUESTION_NOT_FOUND", code(call("DELETE", "/admin/client/securityQuestions/987654", questionAdmin, null, "tenantName", TENANT)));
        for (int added : ids) {
            call("DELETE", "/admin/client/securityQuestions/" + added, questionAdmin, null, "tenantName", TENANT);
        }
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
