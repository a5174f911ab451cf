package dev.lanyard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LegacyRealm;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The audit trail on a real Keycloak: the demo realm lists {@code lanyard-audit}; its
 * {@code demo-auditor} client's service account holds realm-management's view-events role.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class PersonAuditIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = LegacyRealm.NAME, lifecycle = LifeCycle.GLOBAL, config = LegacyRealm.class)
    ManagedRealm otherTenant;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private String auditor;

    @BeforeEach
    void auditorToken() {
        auditor = Api.clientToken(DemoRealm.NAME, DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET);
    }

    @Test
    void aRestSignInIsAuditedWithItsHttpLogAndNoSecretInEither() {
        TestUser person = TestUsers.create(realm, "audited");
        String siteToken = Passwordless.siteToken();
        String code = Passwordless.mailedCode(new Mailbox(mailServer), person, siteToken, DemoRealm.SITE);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(401, Passwordless.login(siteToken, DemoRealm.SITE, person.email(), wrong).status());
        Reply signIn = Passwordless.login(siteToken, DemoRealm.SITE, person.email(), code);
        assertEquals(200, signIn.status(), signIn.body());
        List<String> tokens = List.of(Secrets.record(signIn.json().get("access_token").asText()),
                Secrets.record(signIn.json().get("refresh_token").asText()), Secrets.record(signIn.json().get("id_token").asText()));

        JsonNode records = list(person.id());
        assertEquals("SUCCESS", records.get("contextResponse").get("statusCode").asText());
        JsonNode login = first(records.get("responseData"), "LOGIN", "Y");
        assertEquals("TOKEN", login.get("auditCategory").asText());
        assertEquals("WEBSERVICE", login.get("auditAction").asText());
        assertEquals(person.username(), login.get("uuid").asText());
        assertNotNull(login.get("clientIpAddress").asText(null));
        JsonNode failed = first(records.get("responseData"), "LOGIN", "N");
        assertFalse(failed.get("errorMessage").asText().isEmpty(), "a failure says why: " + failed);
        assertTrue(records.get("responseData").get(0).get("createdDate").asLong()
                >= records.get("responseData").get(records.get("responseData").size() - 1).get("createdDate").asLong(), "newest first");

        JsonNode detail = one(person.id(), login.get("id").asLong()).get("responseData");
        JsonNode http = detail.get("httpLogging");
        assertNotNull(http, "a sign-in through Lanyard's REST has its HTTP log: " + detail);
        String request = http.get("requestMessage").asText();
        String response = http.get("responseMessage").asText();
        assertTrue(request.startsWith("REST Request - [HTTP METHOD:POST] [PATH INFO:/realms/demo/user/site/demo-site/login/pwless-otp]"), request);
        assertTrue(request.contains("[authorization:" + Redaction.MASK + "]"), request);
        assertTrue(request.contains("\"otp\":\"" + Redaction.MASK + "\""), request);
        assertTrue(response.startsWith("[HTTP STATUS:200]") && response.contains("\"access_token\":\"" + Redaction.MASK + "\""), response);
        String everything = records.toString() + detail;
        for (String secret : List.of(code, siteToken, tokens.get(0), tokens.get(1), tokens.get(2))) {
            assertEquals(List.of(), Secrets.foundIn(java.util.Set.of(secret), everything), "no code or token in the audit trail");
        }
    }

    @Test
    void adminChangesToAPersonAreInTheirTrail() {
        TestUser person = TestUsers.create(realm, "admin-changed");
        UserRepresentation user = realm.admin().users().get(person.id()).toRepresentation();
        user.setFirstName("Changed");
        realm.admin().users().get(person.id()).update(user);

        JsonNode records = list(person.username()).get("responseData");
        JsonNode update = first(records, "USER_UPDATE", "Y");
        assertEquals("ADMIN", update.get("auditCategory").asText());
        assertEquals("UPDATE", update.get("auditAction").asText());
        JsonNode create = first(records, "USER_CREATE", "Y");
        assertEquals("CREATE", create.get("auditAction").asText());
    }

    @Test
    void callersWithoutViewEventsAndPeopleOfOtherTenantsAreRefused() {
        TestUser person = TestUsers.create(realm, "guarded");
        Reply site = Api.get(url(person.id()), Passwordless.siteToken());
        assertEquals(403, site.status(), site.body());
        assertEquals("NOT_ALLOWED", site.json().get("contextResponse").get("additionalStatusCode").asText());
        assertEquals("VALIDATION", site.json().get("contextResponse").get("statusCode").asText());

        TestUser stranger = TestUsers.create(otherTenant, "stranger");
        Reply other = Api.get(url(stranger.id()), auditor);
        assertEquals(404, other.status(), "another tenant's person does not exist here: " + other.body());
        assertEquals("PERSON_NOT_FOUND", other.json().get("contextResponse").get("additionalStatusCode").asText());

        Reply noRecord = Api.get(url(person.id()) + "/999999999", auditor);
        assertEquals(404, noRecord.status(), noRecord.body());
        assertEquals("AUDIT_NOT_FOUND", noRecord.json().get("contextResponse").get("additionalStatusCode").asText());
    }

    @Test
    void recordsPastTheRetentionArePurgedByTheScheduledTask() {
        TestUser person = TestUsers.create(realm, "retained");
        UserRepresentation user = realm.admin().users().get(person.id()).toRepresentation();
        user.setFirstName("Retained");
        realm.admin().users().get(person.id()).update(user);
        assertTrue(list(person.username()).get("responseData").size() >= 2, "created and updated are in the trail");

        // A year and a day later (retention 365 days): the purge, every minute on this server, deletes them.
        timeOffSet.set(366 * 86_400);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int left = -1;
            while (System.nanoTime() < deadline) {
                auditor = Api.clientToken(DemoRealm.NAME, DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET); // a token valid then
                left = list(person.username()).get("responseData").size();
                if (left == 0) {
                    break;
                }
                Thread.sleep(2_000);
            }
            assertEquals(0, left, "records past the retention are purged");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            timeOffSet.set(0);
        }
    }

    private JsonNode list(String uuid) {
        Reply reply = Api.get(url(uuid), auditor);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonNode one(String uuid, long id) {
        Reply reply = Api.get(url(uuid) + "/" + id, auditor);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String url(String uuid) {
        return Api.realmUrl(DemoRealm.NAME) + "/auth/admin/client/person/audit/" + uuid;
    }

    private static JsonNode first(JsonNode records, String name, String result) {
        List<String> seen = new ArrayList<>();
        for (JsonNode record : records) {
            if (name.equals(record.get("name").asText()) && result.equals(record.get("result").asText())) {
                return record;
            }
            seen.add(record.get("name").asText() + "/" + record.get("result").asText());
        }
        throw new AssertionError("no " + name + "/" + result + " record among " + seen + ": " + records);
    }
}
