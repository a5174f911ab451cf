package dev.lanyard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.Response;

import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.KeycloakCluster;
import dev.lanyard.testing.KeycloakCluster.Node;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LegacyHashes;
import dev.lanyard.testing.Migrations;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.OfacSource;
import dev.lanyard.testing.ScreeningRealm;
import dev.lanyard.testing.SuiteEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.util.ApiUtil;
import org.keycloak.util.JsonSerialization;

/**
 * Two Keycloak nodes with the pack on one PostgreSQL database behave like one: what one node
 * stores (codes, their uses, failure counts) the other sees. Runs where PostgreSQL answers at
 * 127.0.0.1:5432; later capabilities add their cluster cases here.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Node A = new Node("node-a", 8180, 9100, 7800);
    private static final Node B = new Node("node-b", 8280, 9200, 7810);

    private static KeycloakCluster cluster;
    private static OfacSource ofac;

    @InjectMailServer
    MailServer mailServer;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue("postgres".equals(SuiteEnvironment.database()),
                "The two-node cluster needs PostgreSQL at 127.0.0.1:5432; skipped on this machine");
        if (java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv"))) {
            ofac = OfacSource.serveSnapshot(); // the nodes load the list over HTTP, as from OFAC's site
        }
        // Over HTTPS with a certificate only the nodes' truststore knows, so the download goes through Keycloak's HTTP client.
        cluster = ofac == null ? KeycloakCluster.start((String) null, A, B) : KeycloakCluster.start(OfacSource.URL, OfacSource.CERTIFICATE, A, B);
        RealmRepresentation demo;
        try (InputStream json = ClusterIT.class.getResourceAsStream(DemoRealm.JSON)) {
            demo = JsonSerialization.readValue(json, RealmRepresentation.class);
        }
        demo.setQuickLoginCheckMilliSeconds(0L); // as DemoRealm: tests fail codes faster than people
        try (Keycloak admin = A.admin()) {
            admin.realms().create(demo);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (ofac != null) {
            ofac.close();
        }
    }

    @Test
    void aCodeSentThroughOneNodeIsAcceptedThroughTheOtherOnce() {
        String email = createUser("nodes");
        assertEquals(202, send(A, email).status());
        String code = new Mailbox(mailServer).awaitCode(email, 1);

        Reply onB = login(B, email, code);
        assertEquals(200, onB.status(), onB.body());
        dev.lanyard.testing.Secrets.record(onB.json().get("access_token").asText());

        Reply againOnA = login(A, email, code);
        assertEquals(401, againOnA.status(), "A code used on B is refused on A");
        assertEquals("INVALID_OTP", againOnA.code());
    }

    @Test
    void aCodeUsedOnOneNodeIsRefusedOnTheOther() {
        String email = createUser("used");
        send(B, email);
        String code = new Mailbox(mailServer).awaitCode(email, 1);
        assertEquals(200, login(B, email, code).status());
        assertEquals("INVALID_OTP", login(A, email, code).code());
    }

    @Test
    void failedCodesOnBothNodesAddUpToOneLockout() throws Exception {
        String email = createUser("lockout");
        send(A, email);
        String code = new Mailbox(mailServer).awaitCode(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            assertEquals("INVALID_OTP", login(A, email, wrong).code());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals("INVALID_OTP", login(B, email, wrong).code());
        }
        String userId = userId(email);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean locked = false;
        while (!locked && System.nanoTime() < deadline) {
            try (Keycloak admin = B.admin()) {
                locked = Boolean.TRUE.equals(admin.realm(DemoRealm.NAME).attackDetection().bruteForceUserStatus(userId).get("disabled"));
            }
            Thread.sleep(200);
        }
        assertTrue(locked, "3 failures on A + 2 on B reach the realm's limit of " + DemoRealm.FAILURE_FACTOR);
        Reply onA = login(A, email, code);
        assertEquals("USER_LOCKED", onA.code(), "Locked on both nodes: " + onA.body());
        assertEquals("USER_LOCKED", login(B, email, code).code());
    }

    /** An alias made through node A signs in through node B; deleted through A, it signs nobody in through B at once. */
    @Test
    void anAliasDeletedOnOneNodeSignsNobodyInOnTheOtherAtOnce() {
        String email = createUser("alias-node");
        String password = dev.lanyard.testing.Secrets.record("Cluster-pass-2026");
        try (Keycloak admin = A.admin()) {
            org.keycloak.representations.idm.CredentialRepresentation credential = new org.keycloak.representations.idm.CredentialRepresentation();
            credential.setType("password");
            credential.setValue(password);
            credential.setTemporary(false);
            admin.realm(DemoRealm.NAME).users().get(userId(email)).resetPassword(credential);
        }
        Reply signedIn = passwordLogin(A, "email", email, password);
        assertEquals(200, signedIn.status(), signedIn.body());
        String personToken = dev.lanyard.testing.Secrets.record(signedIn.json().get("access_token").asText());
        String alias = "node-alias-" + System.nanoTime();
        assertEquals(201, Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/alias", personToken, Api.json(Map.of("alias", alias))).status());

        assertEquals(200, passwordLogin(B, "alias", alias, password).status(), "node B finds the alias made on A");
        assertEquals(200, Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/alias/delete", personToken,
                Api.json(Map.of("alias", alias))).status());
        Reply afterOnB = passwordLogin(B, "alias", alias, password);
        assertEquals(401, afterOnB.status(), "deleted on A, refused on B the next moment: " + afterOnB.body());
    }

    /** A sealed enrollment's jti is spent for the cluster: the message accepted through A is a replay through B. */
    @Test
    void aSealedMessageReceivedByOneNodeIsAReplayOnTheOther() throws Exception {
        dev.lanyard.testing.SealedPartner partner;
        com.nimbusds.jose.jwk.RSAKey realmKey;
        try (Keycloak admin = A.admin()) {
            partner = dev.lanyard.testing.SealedPartner.onboard(admin.realm(DemoRealm.NAME), DemoRealm.PARTNER);
            realmKey = dev.lanyard.testing.SealedPartner.realmKey(admin.realm(DemoRealm.NAME), A.realmUrl(DemoRealm.NAME));
        }
        String email = "sealed-node-" + System.nanoTime() + "@lanyard.test";
        String message = dev.lanyard.testing.SealedPartner.seal(dev.lanyard.testing.SealedPartner.sign(
                dev.lanyard.testing.SealedPartner.claims(email, DemoRealm.SITE, java.util.UUID.randomUUID().toString(), 0, 120,
                        "1970-01-01"), partner.signing), realmKey, realmKey.getKeyID());
        String onA = Api.clientTokenAt(A.realmUrl(DemoRealm.NAME), DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        String onB = Api.clientTokenAt(B.realmUrl(DemoRealm.NAME), DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);

        Reply first = dev.lanyard.testing.SealedPartner.post(A.realmUrl(DemoRealm.NAME), onA, dev.lanyard.testing.SealedPartner.JOSE, message);
        // 201, or 503 where this machine has no sanctions list: either way node A has received the message.
        assertTrue(first.status() == 201 || first.status() == 503, first.body());
        Reply replay = dev.lanyard.testing.SealedPartner.post(B.realmUrl(DemoRealm.NAME), onB, dev.lanyard.testing.SealedPartner.JOSE, message);
        assertEquals(409, replay.status(), replay.body());
        assertEquals("MESSAGE_REPLAYED", replay.code());
    }

    @Test
    void twoPartnersOnTwoNodesRacingForOneSsnGetOneActiveAccount() throws Exception {
        dev.lanyard.testing.BankingPartner onA = new dev.lanyard.testing.BankingPartner(A.realmUrl(DemoRealm.NAME), "demo-debit",
                DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        dev.lanyard.testing.BankingPartner onB = new dev.lanyard.testing.BankingPartner(B.realmUrl(DemoRealm.NAME), "demo-debit",
                DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        String ssn = dev.lanyard.testing.Secrets.record("5432" + String.format("%05d", new java.util.Random().nextInt(100_000)));
        java.util.List<String> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            org.keycloak.representations.idm.UserRepresentation user = new org.keycloak.representations.idm.UserRepresentation();
            user.setUsername("ssn-node-" + i + "-" + System.nanoTime());
            user.setEnabled(true);
            String id;
            try (Keycloak admin = A.admin(); jakarta.ws.rs.core.Response created = admin.realm(DemoRealm.NAME).users().create(user)) {
                assertEquals(201, created.getStatus());
                id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(created);
            }
            accounts.add(onA.accountWithSsn(id, ssn));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> onA.activate(accounts.get(0)));
            var second = pool.submit(() -> onB.activate(accounts.get(1)));
            java.util.List<Integer> statuses = java.util.stream.Stream.of(first.get().status(), second.get().status()).sorted().toList();
            assertEquals(java.util.List.of(200, 400), statuses, "one SSN, two nodes: exactly one active account");
            Reply refused = first.get().status() == 400 ? first.get() : second.get();
            dev.lanyard.testing.BankingPartner.assertDetail(refused, 2, 60);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Reply passwordLogin(Node node, String field, String identifier, String password) {
        return Api.postJson(node.realmUrl(DemoRealm.NAME) + "/user/site/" + DemoRealm.SITE + "/login", siteToken(node),
                Api.json(Map.of(field, identifier, "password", password)));
    }

    /**
     * Last, as it kills both nodes: a migration batch interrupted by SIGKILL of every node mid-way
     * completes after one node is started again, with every person imported exactly once.
     */
    @Test
    void aBatchRevalidationOfAllUsersOnTwoNodesScreensEveryPersonOnce() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv")),
                "The OFAC snapshot is expected at " + LanyardServer.OFAC_SNAPSHOT);
        for (int i = 0; i < 120; i++) {
            createUser("reval");
        }
        String token = complianceToken();
        Reply accepted = Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/internal/batch/re-validate", token,
                Api.json(Map.of("callType", "OFAC", "allUsers", true)));
        assertEquals(202, accepted.status(), accepted.body());
        String batchId = accepted.json().get("revalidationBatchId").asText();

        // Read through the other node, with its own token (each node is its own issuer here: no shared hostname).
        String tokenOfB = Api.clientTokenAt(B.realmUrl(DemoRealm.NAME), "cluster-compliance", "cluster-compliance-secret");
        JsonNode status = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Reply reply = Api.get(B.realmUrl(DemoRealm.NAME) + "/user/internal/batch/re-validate/" + batchId, tokenOfB);
            assertEquals(200, reply.status(), reply.body());
            status = reply.json();
            if ("COMPLETED".equals(status.get("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("COMPLETED", status.get("status").asText(), String.valueOf(status));
        int people;
        try (Keycloak admin = A.admin()) {
            people = admin.realm(DemoRealm.NAME).users().list(0, 10_000).size();
        }
        assertEquals(people, status.get("total").asInt(), "every user of the realm, once: " + status);
        int done = status.get("counts").get("DONE").asInt();
        assertEquals(people, done + status.get("counts").get("FAILED").asInt(), status.toString());
        assertTrue(done >= 120, status.toString());
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + KeycloakCluster.DATABASE, "postgres", "postgres");
             PreparedStatement screenings = db.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT s.USER_ID) FROM LANYARD_SCREENING s"
                     + " JOIN REALM r ON r.ID = s.REALM_ID WHERE r.NAME = ? AND s.SCREENING_TRIGGER = 'REVALIDATION'"
                     + " AND s.CREATED_AT >= ?")) { // this batch's, not another test's single revalidations
            screenings.setString(1, DemoRealm.NAME);
            screenings.setLong(2, status.get("submittedAt").asLong());
            try (ResultSet row = screenings.executeQuery()) {
                row.next();
                assertEquals(done, row.getInt(1), "one stored screening per person revalidated");
                assertEquals(row.getInt(1), row.getInt(2), "no person screened twice");
            }
        }
        System.out.printf("[lanyard-tests] batch revalidation on two nodes: %d people, %d screened once each%n", people, done);
    }

    @Test
    void aBrokenPublicationKeepsTheLastGoodListAndANewOneReachesBothNodes() throws Exception {
        Assumptions.assumeTrue(ofac != null, "The OFAC snapshot is expected at " + LanyardServer.OFAC_SNAPSHOT);
        String tokenA = complianceToken();
        String tokenB = Api.clientTokenAt(B.realmUrl(DemoRealm.NAME), "cluster-compliance", "cluster-compliance-secret");
        String first = listInUse(A, tokenA);
        assertTrue(first.startsWith("sha256="), first + ": the list was loaded over HTTPS");
        // The nodes name the list source with the option's old name: it still works, and says what replaced it.
        assertTrue(Files.readString(A.logFile()).contains("--spi-events-listener--lanyard-screening--list-source is deprecated"
                + " and will be removed in the next release; use --spi-lanyard-screening--default--list-source"), "deprecation warning");
        String person = createPerson("Testperson", "Lanyard");
        assertEquals("CLEAR", revalidate(A, tokenA, person), "not listed yet");

        String sdn = OfacSource.snapshot("sdn.csv");
        String alt = OfacSource.snapshot("alt.csv");
        ofac.publish(sdn.substring(0, sdn.length() / 2), alt); // a download cut in the middle
        Reply cut = Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/internal/screening/list/refresh", tokenA, "{}");
        assertEquals(502, cut.status(), cut.body());
        assertEquals("LIST_SOURCE_FAILED", cut.code());
        assertEquals(first, listInUse(A, tokenA), "the last good list stays");
        assertEquals(first, listInUse(B, tokenB));

        // The next publication lists one more person: stored by node A, screened against by node B too.
        int eof = sdn.lastIndexOf('\u001a');
        ofac.publish(sdn.substring(0, eof) + "99999001,\"LANYARD, Testperson\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + sdn.substring(eof), alt);
        Reply stored = Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/internal/screening/list/refresh", tokenA, "{}");
        assertEquals(200, stored.status(), stored.body());
        assertEquals("LIST_STORED", stored.json().get("code").asText(), stored.body());
        String second = stored.json().get("fetchedVersion").asText();
        assertTrue(!second.equals(first) && second.contains("entries=8977"), second);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // each node rechecks the stored version every 30 s
        while (!second.equals(listInUse(B, tokenB)) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(second, listInUse(B, tokenB), "node B screens against the new version");
        assertEquals("POTENTIAL_MATCH", revalidate(B, tokenB, person), "the newly listed person is found");
        ofac.publish(sdn, alt);
    }

    private static String listInUse(Node node, String token) {
        Reply reply = Api.get(node.realmUrl(DemoRealm.NAME) + "/user/internal/screening/list", token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("inUse").asText();
    }

    private static String revalidate(Node node, String token, String userId) {
        Reply reply = Api.postJson(node.realmUrl(DemoRealm.NAME) + "/user/re-validate", token,
                Api.json(Map.of("userId", userId, "callType", "OFAC")));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("screening").get("status").asText();
    }

    private static String createPerson(String first, String last) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("listed-" + System.nanoTime());
        user.setEmail(user.getUsername() + "@lanyard.test");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setFirstName(first);
        user.setLastName(last);
        try (Keycloak admin = A.admin(); Response created = admin.realm(DemoRealm.NAME).users().create(user)) {
            assertEquals(201, created.getStatus());
            return ApiUtil.getCreatedId(created);
        }
    }

    /** A service account of the demo realm holding realm-management's manage-users, as a compliance team has. */
    private static String complianceToken() {
        try (Keycloak admin = A.admin()) {
            var realm = admin.realm(DemoRealm.NAME);
            if (realm.clients().findByClientId("cluster-compliance").isEmpty()) {
                org.keycloak.representations.idm.ClientRepresentation client = new org.keycloak.representations.idm.ClientRepresentation();
                client.setClientId("cluster-compliance");
                client.setSecret("cluster-compliance-secret");
                client.setPublicClient(false);
                client.setServiceAccountsEnabled(true);
                client.setStandardFlowEnabled(false);
                try (Response created = realm.clients().create(client)) {
                    assertEquals(201, created.getStatus());
                }
                ScreeningRealm.grantRealmManagementRoles(realm, "cluster-compliance", "manage-users");
            }
        }
        return Api.clientTokenAt(A.realmUrl(DemoRealm.NAME), "cluster-compliance", "cluster-compliance-secret");
    }

    /**
     * A merge of five duplicates, one person every 2.5 s, whose node A is killed once the first is merged: node B takes
     * the rest, each person once (one audited merge each, each duplicate's group once on the kept person). Node A is
     * started again for the last test.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aMergeWhoseNodeIsKilledMidWayCompletesOnTheOtherNodeWithNothingLostOrDoubled() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String kept;
        List<String> duplicates = new ArrayList<>();
        try (Keycloak admin = A.admin()) {
            var demo = admin.realm(DemoRealm.NAME);
            org.keycloak.representations.idm.RealmRepresentation settings = demo.toRepresentation();
            settings.getAttributes().put("lanyard.merge.pause-millis", "2500");
            demo.update(settings);
            org.keycloak.representations.idm.ClientRepresentation steward = new org.keycloak.representations.idm.ClientRepresentation();
            steward.setClientId("steward-" + tag);
            steward.setSecret("steward-secret");
            steward.setServiceAccountsEnabled(true);
            steward.setStandardFlowEnabled(false);
            steward.setPublicClient(false);
            demo.clients().create(steward).close();
            String stewardId = demo.clients().findByClientId("steward-" + tag).get(0).getId();
            String management = demo.clients().findByClientId("realm-management").get(0).getId();
            demo.users().get(demo.clients().get(stewardId).getServiceAccountUser().getId()).roles().clientLevel(management)
                    .add(List.of(demo.clients().get(management).roles().get("manage-users").toRepresentation()));
            kept = userId(demo, createUser("kept-" + tag));
            for (int i = 0; i < 5; i++) {
                String id = userId(demo, createUser("dup-" + tag + "-" + i));
                org.keycloak.representations.idm.GroupRepresentation group = new org.keycloak.representations.idm.GroupRepresentation();
                group.setName("merge-" + tag + "-" + i);
                try (Response created = demo.groups().add(group)) {
                    demo.users().get(id).joinGroup(org.keycloak.testframework.util.ApiUtil.getCreatedId(created));
                }
                duplicates.add(id);
            }
        }
        String token = Api.clientTokenAt(A.realmUrl(DemoRealm.NAME), "steward-" + tag, "steward-secret");
        Reply accepted = Api.postJson(A.realmUrl(DemoRealm.NAME) + "/user/internal/clean-duplicate-accounts", token,
                Api.json(Map.of("keepUserId", kept, "userIds", duplicates)));
        assertEquals(202, accepted.status(), accepted.body());
        String jobId = accepted.json().get("jobId").asText();

        long mergedBeforeKill = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (mergedBeforeKill < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            mergedBeforeKill = merged(mergeStatus(A, token, jobId));
        }
        cluster.kill(A);
        assertTrue(mergedBeforeKill >= 1 && mergedBeforeKill < 5, "killed mid-way: " + mergedBeforeKill + " of 5 merged");

        String tokenOfB = Api.clientTokenAt(B.realmUrl(DemoRealm.NAME), "steward-" + tag, "steward-secret");
        JsonNode status = mergeStatus(B, tokenOfB, jobId);
        deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!"COMPLETED".equals(status.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = mergeStatus(B, tokenOfB, jobId);
        }
        assertEquals("COMPLETED", status.get("status").asText(), status.toString());
        assertEquals(5, merged(status), "every duplicate merged on node B: " + status);
        try (Keycloak admin = B.admin()) {
            var demo = admin.realm(DemoRealm.NAME);
            assertEquals(5, demo.users().get(kept).groups().size(), "each duplicate's group once");
            String uuid = demo.users().get(kept).toRepresentation().getUsername();
            String auditor = Api.clientTokenAt(B.realmUrl(DemoRealm.NAME), DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET);
            String trail = Api.get(B.realmUrl(DemoRealm.NAME) + "/auth/admin/client/person/audit/" + uuid + "?size=500", auditor).body();
            assertEquals(5, trail.split("\"MERGE_PERSON\"", -1).length - 1, "one audited merge per duplicate, none twice");
            for (String id : duplicates) {
                assertTrue(!demo.users().get(id).toRepresentation().isEnabled(), "each duplicate disabled");
            }
            org.keycloak.representations.idm.RealmRepresentation settings = demo.toRepresentation();
            settings.getAttributes().remove("lanyard.merge.pause-millis");
            demo.update(settings);
        }
        System.out.printf("[lanyard-tests] merge killed mid-way: %d of 5 merged before node A was killed; node B merged the rest,"
                + " 5 audited merges, no person twice%n", mergedBeforeKill);
        cluster.restart(A);
    }

    private static JsonNode mergeStatus(Node node, String token, String jobId) {
        Reply reply = Api.get(node.realmUrl(DemoRealm.NAME) + "/user/internal/clean-duplicate-accounts/" + jobId, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static long merged(JsonNode status) {
        long merged = 0;
        for (JsonNode person : status.get("people")) {
            merged += "MERGED".equals(person.get("outcome").asText()) ? 1 : 0;
        }
        return merged;
    }

    private static String userId(org.keycloak.admin.client.resource.RealmResource demo, String email) {
        return demo.users().searchByEmail(email, true).get(0).getId();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aBatchCompletesAfterEveryNodeIsKilledMidBatchWithNoPersonLostOrTwice() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        int total = 4000;
        Map<String, Object> credential = LegacyHashes.pbkdf2("crash-pass-1", "pbkdf2-sha256", 1000, 32);
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            users.add(Migrations.withCredential(Migrations.person("crash-" + tag + "-" + i, "crash-" + tag + "-" + i + "@legacy.test",
                    "ACTIVE"), credential));
        }
        String token = Api.clientTokenAt(A.realmUrl(DemoRealm.NAME), DemoRealm.MIGRATOR, DemoRealm.MIGRATOR_SECRET);
        Reply accepted = Api.postJson(A.realmUrl(DemoRealm.NAME) + "/migrate", token,
                Api.json(Map.of("migrationBatchId", "crash-" + tag, "users", users)));
        assertEquals(202, accepted.status(), accepted.body());

        long migratedBeforeKill = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (migratedBeforeKill < 100 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            migratedBeforeKill = batchStatus(A, token, tag).get("counts").get("SUCCESS").asLong();
        }
        cluster.kill(A);
        cluster.kill(B);
        assertTrue(migratedBeforeKill >= 100 && migratedBeforeKill < total,
                "killed mid-batch: " + migratedBeforeKill + " of " + total + " migrated before the kill");

        cluster.restart(A);
        String again = Api.clientTokenAt(A.realmUrl(DemoRealm.NAME), DemoRealm.MIGRATOR, DemoRealm.MIGRATOR_SECRET);
        JsonNode status = batchStatus(A, again, tag);
        deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!"COMPLETED".equals(status.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = batchStatus(A, again, tag);
        }
        assertEquals("COMPLETED", status.get("status").asText(), status.toString());
        assertEquals(total, status.get("counts").get("SUCCESS").asInt(), status.toString());
        assertEquals(0, status.get("counts").get("CONFLICT").asInt(), "no person was processed twice: " + status);
        assertEquals(0, status.get("counts").get("FAILED").asInt(), status.toString());
        try (Keycloak admin = A.admin()) {
            assertEquals(total, admin.realm(DemoRealm.NAME).users().count("crash-" + tag), "one Keycloak user per person");
        }
        System.out.printf("[lanyard-tests] kill mid-batch: %d of %d migrated before both nodes were killed; after a restart %d,"
                + " no conflict, no failure%n", migratedBeforeKill, total, total);
    }

    private static JsonNode batchStatus(Node node, String token, String tag) {
        Reply reply = Api.get(node.realmUrl(DemoRealm.NAME) + "/migrate/status?migrationBatchId=crash-" + tag, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String createUser(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setEmail(name + "@lanyard.test");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setFirstName("Node");
        user.setLastName("Tester");
        try (Keycloak admin = A.admin(); Response created = admin.realm(DemoRealm.NAME).users().create(user)) {
            assertEquals(201, created.getStatus());
            ApiUtil.getCreatedId(created);
        }
        return user.getEmail();
    }

    private static String userId(String email) {
        try (Keycloak admin = A.admin()) {
            return admin.realm(DemoRealm.NAME).users().searchByEmail(email, true).get(0).getId();
        }
    }

    private static String siteToken(Node node) {
        Reply token = Api.form(node.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", DemoRealm.SITE, "client_secret", DemoRealm.SITE_SECRET));
        assertEquals(200, token.status(), token.body());
        return dev.lanyard.testing.Secrets.record(token.json().get("access_token").asText());
    }

    private static Reply send(Node node, String email) {
        return Api.postJson(node.realmUrl(DemoRealm.NAME) + "/user/pwless-login-send-otp", siteToken(node),
                Api.json(Map.of("email", email, "siteId", DemoRealm.SITE)));
    }

    private static Reply login(Node node, String email, String code) {
        return Api.postJson(node.realmUrl(DemoRealm.NAME) + "/user/site/" + DemoRealm.SITE + "/login/pwless-otp", siteToken(node),
                Api.json(Map.of("email", email, "otp", code)));
    }
}
