package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LegacyService;
import dev.lanyard.testing.Migrations;
import dev.lanyard.testing.MoeService;
import dev.lanyard.testing.ScreeningRealm;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/**
 * OFAC screening on a real Keycloak reading the SDN snapshot: a listed person created in a realm that
 * holds potential matches cannot sign in until an admin clears them; revalidation screens again or
 * syncs to MOE (a real HTTP server); screenings and their resolution are in the person's audit trail.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class ScreeningIT {

    private static final String PASSWORD = "screening-pass-1";

    @InjectRealm(ref = ScreeningRealm.NAME, lifecycle = LifeCycle.GLOBAL, config = ScreeningRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    private String compliance;
    private MoeService moe;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv")),
                "The OFAC snapshot is expected at " + LanyardServer.OFAC_SNAPSHOT);
        ScreeningRealm.enableHold(realm);
        ScreeningRealm.grantComplianceRoles(realm);
        // programCodes and moeSyncedAt are not in the realm's user profile: let admins see them.
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        realm.admin().users().userProfile().update(profile);
        compliance = Api.clientToken(ScreeningRealm.NAME, ScreeningRealm.COMPLIANCE, ScreeningRealm.COMPLIANCE_SECRET);
        moe = MoeService.serve(httpServer);
    }

    @Test
    void aListedPersonIsHeldUntilAnAdminClearsThemAndBothAreAudited() {
        String id = createUser("Manuel Antonio", "Noriega");
        JsonNode screening = awaitScreening(id);
        assertEquals("POTENTIAL_MATCH", screening.get("status").asText(), screening.toString());
        assertEquals(1572, screening.get("entryNumber").asInt());
        assertEquals("NORIEGA, Manuel Antonio", screening.get("matchedName").asText());
        assertTrue(screening.get("listVersion").asText().startsWith("sha256="), screening.toString());
        Reply held = passwordGrant(id);
        assertEquals(400, held.status(), "held: " + held.body());
        assertEquals("Account is not fully set up", held.json().get("error_description").asText());

        Reply cleared = Api.postJson(url("/internal/screening/" + id + "/resolve"), compliance,
                Api.json(Map.of("status", "FALSE_POSITIVE", "note", "Different date of birth")));
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(1, cleared.json().get("resolved").asInt());
        assertEquals(200, passwordGrant(id).status(), "cleared: the person signs in");
        JsonNode history = Api.get(url("/internal/screening/" + id), compliance).json();
        assertFalse(history.get("onHold").asBoolean());
        assertEquals("FALSE_POSITIVE", history.get("screenings").get(0).get("status").asText());
        assertEquals("service-account-" + ScreeningRealm.COMPLIANCE, history.get("screenings").get(0).get("resolvedBy").asText());

        // Screened again (a nightly rescreen): the cleared match is carried over, the person is not held again.
        Reply again = Api.postJson(url("/re-validate"), compliance, Api.json(Map.of("userId", id, "callType", "OFAC")));
        assertEquals(200, again.status(), again.body());
        assertEquals("FALSE_POSITIVE", again.json().get("screening").get("status").asText(), again.body());
        assertEquals(200, passwordGrant(id).status(), "a cleared match does not hold the person again");

        Reply nothing = Api.postJson(url("/internal/screening/" + id + "/resolve"), compliance, Api.json(Map.of("status", "CONFIRMED")));
        assertEquals(409, nothing.status(), nothing.body());
        assertEquals("NOTHING_TO_RESOLVE", nothing.code());

        String trail = Api.get(Api.realmUrl(ScreeningRealm.NAME) + "/auth/admin/client/person/audit/" + id, compliance).body();
        assertTrue(trail.contains("\"name\":\"OFAC_SCREENING\"") && trail.contains("POTENTIAL_MATCH"), trail);
        assertTrue(trail.contains("\"name\":\"OFAC_SCREENING_RESOLVE\"") && trail.contains("FALSE_POSITIVE"), trail);
    }

    @Test
    void aConfirmedMatchIsDisabledAndOrdinaryNamesAreClear() {
        String listed = createUser("Saddam", "Hussein");
        assertEquals("POTENTIAL_MATCH", awaitScreening(listed).get("status").asText());
        Reply confirmed = Api.postJson(url("/internal/screening/" + listed + "/resolve"), compliance, Api.json(Map.of("status", "CONFIRMED")));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertFalse(realm.admin().users().get(listed).toRepresentation().isEnabled(), "a confirmed match holds no account");

        String ordinary = createUser("Emily", "Johnson");
        assertEquals("CLEAR", awaitScreening(ordinary).get("status").asText());
        assertEquals(200, passwordGrant(ordinary).status());
    }

    @Test
    void withTheHoldSwitchedOffAPotentialMatchIsOnlyFlagged() {
        ScreeningRealm.switchHold(realm, false);
        try {
            String id = createUser("Nicolás", "Maduro");
            JsonNode screening = awaitScreening(id);
            assertEquals("POTENTIAL_MATCH", screening.get("status").asText(), screening.toString());
            assertEquals(22790, screening.get("entryNumber").asInt());
            assertEquals(200, passwordGrant(id).status(), "flagged only: the person still signs in");
            assertFalse(Api.get(url("/internal/screening/" + id), compliance).json().get("onHold").asBoolean());
        } finally {
            ScreeningRealm.enableHold(realm);
        }
    }

    @Test
    void bulkMigrationImportsAreScreenedOnceCommitted() {
        Migrations.ensureMigrator(realm.admin());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> listed = new java.util.LinkedHashMap<>(Migrations.person("orejuela." + tag, "orejuela." + tag + "@screening.test", "ACTIVE"));
        listed.put("firstName", "Miguel Angel");
        listed.put("lastName", "Rodriguez Orejuela");
        Map<String, Object> ordinary = new java.util.LinkedHashMap<>(Migrations.person("harper." + tag, "harper." + tag + "@screening.test", "ACTIVE"));
        ordinary.put("firstName", "Ava");
        ordinary.put("lastName", "Harper");
        String token = Migrations.token(ScreeningRealm.NAME);
        Reply accepted = Migrations.submit(ScreeningRealm.NAME, token, "screened-" + tag, List.of(listed, ordinary));
        assertEquals(202, accepted.status(), accepted.body());
        Migrations.awaitCompleted(ScreeningRealm.NAME, token, "screened-" + tag, Duration.ofSeconds(60));

        JsonNode match = awaitScreening(realm.admin().users().search("orejuela." + tag, true).get(0).getId());
        assertEquals("MIGRATION", match.get("trigger").asText(), match.toString());
        assertEquals("POTENTIAL_MATCH", match.get("status").asText());
        assertEquals(4108, match.get("entryNumber").asInt());
        JsonNode clear = awaitScreening(realm.admin().users().search("harper." + tag, true).get(0).getId());
        assertEquals("CLEAR", clear.get("status").asText(), clear.toString());
        assertEquals(List.of(SanctionsReviewRequiredAction.ID),
                realm.admin().users().search("orejuela." + tag, true).get(0).getRequiredActions(), "the imported match is held");
    }

    @Test
    void aLegacyPersonMovingOverAtSignInIsScreened() {
        LegacyService legacy = LegacyService.serve(httpServer);
        ComponentRepresentation federation = new ComponentRepresentation();
        federation.setName("legacy for screening");
        federation.setProviderId("lanyard-legacy");
        federation.setProviderType("org.keycloak.storage.UserStorageProvider");
        federation.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("legacyBaseUrl", LegacyService.BASE_URL);
        config.putSingle("tenantName", LegacyService.TENANT);
        config.putSingle("outageCooldownSeconds", "0");
        config.putSingle("importAndUnlink", "true");
        config.putSingle("enabled", "true");
        federation.setConfig(config);
        String federationId;
        try (Response created = realm.admin().components().add(federation)) {
            assertEquals(201, created.getStatus());
            federationId = ApiUtil.getCreatedId(created);
        }
        try {
            String username = "guzman-" + UUID.randomUUID().toString().substring(0, 6);
            legacy.add(new LegacyService.Person(username, username + "@screening.test", "ACTIVE", List.of(), Secrets.record(PASSWORD))
                    .named("Joaquin", "Guzman Loera"));
            Reply wrong = Api.form(Api.realmUrl(ScreeningRealm.NAME) + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", ScreeningRealm.APP, "client_secret", ScreeningRealm.APP_SECRET,
                    "username", username, "password", Secrets.record("not-the-legacy-password")));
            assertEquals(400, wrong.status(), wrong.body());
            assertEquals("invalid_grant", wrong.json().get("error").asText());
            assertEquals(List.of(), realm.admin().users().search(username, true), "a wrong password imports (and screens) nobody");
            Reply first = passwordGrantOf(username);
            assertEquals(200, first.status(), "the sign-in that moves the person over: " + first.body());
            String id = realm.admin().users().search(username, true).get(0).getId();
            JsonNode screening = awaitScreening(id);
            assertEquals("MIGRATION", screening.get("trigger").asText(), screening.toString());
            assertEquals("POTENTIAL_MATCH", screening.get("status").asText());
            assertEquals(6861, screening.get("entryNumber").asInt());
            assertEquals(400, passwordGrantOf(username).status(), "held from the next sign-in on");
        } finally {
            realm.admin().components().component(federationId).remove();
        }
    }

    @Test
    void revalidationScreensAgainOrSyncsToMoeAndEnrollsInAProgram() {
        String id = createUser("Olivia", "Martin");
        awaitScreening(id);
        UserRepresentation person = realm.admin().users().get(id).toRepresentation();

        Reply ofac = Api.postJson(url("/re-validate"), compliance, Api.json(Map.of("userId", id, "callType", "OFAC")));
        assertEquals(200, ofac.status(), ofac.body());
        assertEquals("CLEAR", ofac.json().get("screening").get("status").asText());
        assertEquals("REVALIDATION", ofac.json().get("screening").get("trigger").asText());

        Reply enroll = Api.postJson(url("/re-validate"), compliance,
                Api.json(Map.of("username", person.getUsername(), "callType", "ENROLL_PROGRAM_AND_MOE", "programCode", "GOLD_CARD")));
        assertEquals(200, enroll.status(), enroll.body());
        assertEquals(List.of("GOLD_CARD"), realm.admin().users().get(id).toRepresentation().getAttributes().get("programCodes"));
        assertEquals(1, moe.synced().size());
        assertEquals(person.getUsername(), moe.synced().get(0).get("uuid").asText());
        assertEquals("GOLD_CARD", moe.synced().get(0).get("programCodes").get(0).asText());

        moe.down(true);
        Reply down = Api.postJson(url("/re-validate"), compliance, Api.json(Map.of("userId", id, "callType", "MOE")));
        assertEquals(502, down.status(), down.body());
        assertEquals("MOE_UNAVAILABLE", down.code());

        Reply bad = Api.postJson(url("/re-validate"), compliance, Api.json(Map.of("userId", id, "callType", "SOMETHING")));
        assertEquals(400, bad.status());
        Reply noPerson = Api.postJson(url("/re-validate"), compliance, Api.json(Map.of("userId", "no-such-user", "callType", "OFAC")));
        assertEquals(404, noPerson.status());
        String ownToken = passwordGrant(id).json().get("access_token").asText();
        assertEquals(403, Api.postJson(url("/re-validate"), ownToken, Api.json(Map.of("userId", id, "callType", "OFAC"))).status(),
                "revalidation takes manage-users, not the person's own token");
    }

    @Test
    void batchRevalidationScreensNamedPeopleThenAllUsersInTheBackground() {
        String ordinary = createUser("Sophia", "Williams");
        String other = createUser("Liam", "Brown");
        String listed = createUser("Joaquin", "Guzman Loera");
        assertEquals("POTENTIAL_MATCH", awaitScreening(listed).get("status").asText());

        Reply accepted = Api.postJson(url("/internal/batch/re-validate"), compliance, Api.json(Map.of("callType", "OFAC",
                "userIds", List.of(ordinary, listed, "no-such-user", ordinary))));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(3, accepted.json().get("total").asInt(), "a person named twice is revalidated once");
        JsonNode done = awaitBatch(accepted.json().get("revalidationBatchId").asText());
        assertEquals(2, done.get("counts").get("DONE").asInt(), done.toString());
        assertEquals(1, done.get("counts").get("FAILED").asInt(), done.toString());
        assertEquals(1, done.get("results").get("CLEAR").asInt(), done.toString());
        assertEquals(1, done.get("results").get("POTENTIAL_MATCH").asInt(), done.toString());
        assertEquals(2, done.get("needingAttention").get("total").asInt(), done.toString());
        JsonNode match = done.get("needingAttention").get("items").get(0);
        assertEquals(listed, match.get("userId").asText(), done.toString());
        assertEquals("POTENTIAL_MATCH", match.get("result").asText());
        JsonNode missing = done.get("needingAttention").get("items").get(1);
        assertEquals("no-such-user", missing.get("userId").asText(), done.toString());
        assertEquals("USER_NOT_FOUND", missing.get("reason").asText());
        assertEquals("REVALIDATION", awaitScreenings(listed, 2).get("trigger").asText(), "the batch stored a screening");
        assertEquals(400, passwordGrant(listed).status(), "the potential match is held");

        Reply enroll = Api.postJson(url("/internal/batch/re-validate"), compliance, Api.json(Map.of("callType", "ENROLL_PROGRAM_AND_MOE",
                "programCode", "PLATINUM", "usernames", List.of(username(ordinary), username(other)))));
        assertEquals(202, enroll.status(), enroll.body());
        JsonNode synced = awaitBatch(enroll.json().get("revalidationBatchId").asText());
        assertEquals(2, synced.get("results").get("SYNCED").asInt(), synced.toString());
        assertEquals(List.of("PLATINUM"), realm.admin().users().get(other).toRepresentation().getAttributes().get("programCodes"));
        assertTrue(moe.synced().stream().anyMatch(p -> username(other).equals(p.get("uuid").asText())), "MOE got the person");

        moe.down(true); // each person fails, and each run stops at the first, so no transaction waits out many timeouts
        Reply unanswered = Api.postJson(url("/internal/batch/re-validate"), compliance, Api.json(Map.of("callType", "MOE",
                "userIds", List.of(ordinary, other))));
        assertEquals(202, unanswered.status(), unanswered.body());
        JsonNode down = awaitBatch(unanswered.json().get("revalidationBatchId").asText());
        assertEquals(2, down.get("counts").get("FAILED").asInt(), down.toString());
        assertEquals("MOE_UNAVAILABLE", down.get("needingAttention").get("items").get(0).get("reason").asText());

        int people = realm.admin().users().list(0, 10_000).size();
        Reply all = Api.postJson(url("/internal/batch/re-validate"), compliance, Api.json(Map.of("callType", "OFAC", "allUsers", true)));
        assertEquals(202, all.status(), all.body());
        assertEquals("PREPARING", all.json().get("status").asText());
        JsonNode everyone = awaitBatch(all.json().get("revalidationBatchId").asText());
        assertEquals(people, everyone.get("total").asInt(), "every user of the realm, service accounts left out: " + everyone);
        assertEquals(people, everyone.get("counts").get("DONE").asInt() + everyone.get("counts").get("FAILED").asInt());
        assertTrue(everyone.get("results").path("POTENTIAL_MATCH").asInt() >= 1, everyone.toString());

        // Refused, nothing queued.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("callType", "OFAC"),
                Map.of("callType", "OFAC", "allUsers", true, "userIds", List.of(ordinary)),
                Map.of("callType", "OFAC", "allUsers", false),
                Map.of("callType", "OFAC", "userIds", List.of()),
                Map.of("callType", "OFAC", "userIds", java.util.Collections.nCopies(5001, ordinary)),
                Map.of("callType", "ENROLL_PROGRAM_AND_MOE", "userIds", List.of(ordinary)),
                Map.of("callType", "OFAC", "usernames", List.of("a\u0000b")))) {
            Reply refused = Api.postJson(url("/internal/batch/re-validate"), compliance, Api.json(bad));
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertEquals("INVALID_REQUEST", refused.code());
        }
        Reply unknown = Api.get(url("/internal/batch/re-validate/" + UUID.randomUUID()), compliance);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("BATCH_NOT_FOUND", unknown.code());
        String ownToken = passwordGrant(ordinary).json().get("access_token").asText();
        assertEquals(403, Api.postJson(url("/internal/batch/re-validate"), ownToken,
                Api.json(Map.of("callType", "OFAC", "allUsers", true))).status(), "batch revalidation takes manage-users");
    }

    private JsonNode awaitBatch(String batchId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Reply reply = Api.get(url("/internal/batch/re-validate/" + batchId), compliance);
            assertEquals(200, reply.status(), reply.body());
            status = reply.json();
            if ("COMPLETED".equals(status.get("status").asText())) {
                return status;
            }
            sleep(300);
        }
        throw new AssertionError("batch not completed: " + status);
    }

    private String username(String userId) {
        return realm.admin().users().get(userId).toRepresentation().getUsername();
    }

    private String createUser(String first, String last) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("screened-" + UUID.randomUUID().toString().substring(0, 8));
        user.setEmail(user.getUsername() + "@screening.test");
        user.setEmailVerified(true);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType("password");
        password.setValue(Secrets.record(PASSWORD));
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response created = realm.admin().users().create(user)) {
            assertEquals(201, created.getStatus());
            return ApiUtil.getCreatedId(created);
        }
    }

    /** The person's newest screening, which runs just after the change commits. */
    private JsonNode awaitScreening(String userId) {
        return awaitScreenings(userId, 1);
    }

    /** The person's newest screening once they have at least {@code count}. */
    private JsonNode awaitScreenings(String userId, int count) {
        return ScreeningRealm.awaitScreenings(ScreeningRealm.NAME, compliance, userId, count);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Reply passwordGrant(String userId) {
        return passwordGrantOf(realm.admin().users().get(userId).toRepresentation().getUsername());
    }

    private Reply passwordGrantOf(String username) {
        Reply reply = Api.form(Api.realmUrl(ScreeningRealm.NAME) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", ScreeningRealm.APP, "client_secret", ScreeningRealm.APP_SECRET,
                "username", username, "password", PASSWORD));
        if (reply.status() == 200) {
            Secrets.record(reply.json().get("access_token").asText());
            Secrets.record(reply.json().get("refresh_token").asText());
        }
        return reply;
    }

    private static String url(String path) {
        return Api.realmUrl(ScreeningRealm.NAME) + "/user" + path;
    }
}
