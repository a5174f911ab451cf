package dev.lanyard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.KeycloakCluster;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.LanyardTables;
import dev.lanyard.testing.LegacyHashes;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Migrations;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.SuiteEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Runs last (see junit-platform.properties): every code and token the suite handled must be absent
 * from the Keycloak server log (written at DEBUG for Lanyard's categories) and the demo realm's
 * login and admin events.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@Order(Integer.MAX_VALUE)
class SecretLeakIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;


    @Test
    void noSecretTheSuiteUsedIsInTheServerLog() throws IOException {
        Set<String> secrets = Secrets.seen();
        assertTrue(secrets.size() >= 10, "Runs after the tests that record secrets; it saw only " + secrets.size());
        assertTrue(Files.isRegularFile(LanyardServer.LOG_FILE), "server log at " + LanyardServer.LOG_FILE);
        String log = Files.readString(LanyardServer.LOG_FILE, StandardCharsets.UTF_8);
        assertTrue(log.contains("Keycloak " ) && log.contains("started in"), "The scanned file is Keycloak's log");

        List<String> leaked = Secrets.foundIn(secrets, log);
        assertTrue(leaked.isEmpty(), leaked.size() + " of " + secrets.size() + " secrets found in " + LanyardServer.LOG_FILE + ": " + leaked);
        long scanned = log.length();
        for (Path nodeLog : KeycloakCluster.logFiles()) {
            String text = Files.readString(nodeLog, StandardCharsets.UTF_8);
            List<String> inNode = Secrets.foundIn(secrets, text);
            assertTrue(inNode.isEmpty(), inNode.size() + " secrets found in " + nodeLog + ": " + inNode);
            scanned += text.length();
        }
        System.out.printf("[lanyard-tests] secret-leak scan: %d secrets, %d log bytes (suite server and %d cluster logs), 0 hits%n",
                secrets.size(), scanned, KeycloakCluster.logFiles().size());
    }

    /**
     * Lanyard's own tables (audit records, HTTP logs, migration records, screenings). The framework
     * recreates realms between classes and a realm's removal removes its rows, so this class first does
     * what writes secrets near those tables: a REST sign-in by email code (audit record and HTTP log of a
     * body with the code and an answer with tokens) and a migration batch with a plain password and a
     * legacy hash; then every secret of the suite is searched in every row.
     */
    /**
     * The account lifecycle's secrets near the tables: a password at registration and sign-in, an activation token,
     * a passcode and a new password, each in a request body the HTTP log keeps (masked), plus an alias and a site
     * registration of the person.
     */
    private void accountLifecycle() {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Accounts.Registered person = Accounts.active(site, mailbox, "leak-lifecycle");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        assertEquals(201, Api.postJson(Accounts.USER + "/alias", token,
                Api.json(Map.of("alias", "leak-" + Long.toString(System.nanoTime(), 36)))).status());
        assertEquals(201, Api.postJson(Accounts.USER + "/register/" + DemoRealm.SITE, site,
                Api.json(Map.of("userId", person.userId(), "attributes", Map.of("loyaltyNumber", "L-LEAK")))).status());
        assertEquals(202, Api.postJson(Accounts.USER + "/send-passcode", site,
                Api.json(Map.of("email", person.email(), "siteId", DemoRealm.SITE))).status());
        String passcode = mailbox.awaitCode(person.email(), 2);
        assertEquals(200, Api.postJson(Accounts.USER + "/change-password-from-passcode", site, Api.json(Map.of("email", person.email(),
                "passcode", passcode, "newPassword", Secrets.record("Leak-new-pass-" + System.nanoTime())))).status());
    }

    @Test
    void noSecretTheSuiteUsedIsInLanyardsTables() throws Exception {
        Assumptions.assumeTrue("postgres".equals(SuiteEnvironment.database()),
                "Lanyard's tables are read over JDBC from PostgreSQL; on in-memory H2 they live inside the server");
        Passwordless.signIn(new Mailbox(mailServer), TestUsers.create(realm, "leak-scan"));
        accountLifecycle();
        String tag = Long.toString(System.nanoTime(), 36);
        Map<String, Object> plain = Migrations.person("leak-plain-" + tag, null, "ACTIVE");
        plain.put("password", Secrets.record("leak-plain-password-" + tag));
        String migrator = Api.clientToken(DemoRealm.NAME, DemoRealm.MIGRATOR, DemoRealm.MIGRATOR_SECRET);
        assertEquals(202, Migrations.submit(DemoRealm.NAME, migrator, "leak-" + tag, List.of(plain,
                Migrations.withCredential(Migrations.person("leak-hash-" + tag, "leak-hash-" + tag + "@lanyard.test", "ACTIVE"),
                        LegacyHashes.pbkdf2(Secrets.record("leak-hashed-password-" + tag), "pbkdf2-sha256", 1000, 32)))).status());
        Migrations.awaitCompleted(DemoRealm.NAME, migrator, "leak-" + tag, java.time.Duration.ofSeconds(60));

        // Seed 004: an SSN and a date of birth, sealed for the realm, then stored sealed and hashed.
        dev.lanyard.testing.BankingPartner banking = new dev.lanyard.testing.BankingPartner(Api.realmUrl(DemoRealm.NAME), "demo-debit",
                DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        String account = banking.accountWithSsn(TestUsers.create(realm, "leak-bank").id(),
                Secrets.record("31" + String.format("%07d", new java.util.Random().nextInt(10_000_000))), Secrets.record("1969-07-21"));
        assertEquals(200, banking.activate(account).status());
        // A DTS token, sealed at rest.
        assertEquals(200, Api.postJson(Api.realmUrl(DemoRealm.NAME) + "/dts/save", Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER,
                DemoRealm.PARTNER_SECRET), Api.json(Map.of("userId", TestUsers.create(realm, "leak-dts").id(), "details", Map.of("tier", "gold"),
                "dtsToken", Secrets.record("leak-dts-token-" + tag)))).status());

        LanyardTables.Rows rows = LanyardTables.read();
        for (String table : List.of("lanyard_person_audit", "lanyard_http_log", "lanyard_migration_record", "lanyard_alias",
                "lanyard_site_registration", "lanyard_account_user", "lanyard_account_identifier", "lanyard_dts_record")) {
            assertTrue(rows.counts().getOrDefault(table, 0) > 0, "rows to scan in " + table + ": " + rows.counts());
        }
        List<String> leaked = Secrets.foundIn(Secrets.seen(), rows.text());
        assertTrue(leaked.isEmpty(), leaked.size() + " secrets found in Lanyard's tables: " + leaked);
        System.out.printf("[lanyard-tests] secret-leak scan of Lanyard's tables %s: %d secrets, 0 hits%n", rows.counts(), Secrets.seen().size());
    }

    @Test
    void noSecretTheSuiteUsedIsInTheEventStore() throws IOException {
        String events = JsonSerialization.writeValueAsString(realm.admin().getEvents(null, null, null, null, null, null, 0, 100_000))
                + JsonSerialization.writeValueAsString(realm.admin().getAdminEvents(null, null, null, null, null, null, null, null, 0, 100_000));
        assertTrue(events.contains("LOGIN"), "The demo realm stores events");
        List<String> leaked = Secrets.foundIn(Secrets.seen(), events);
        assertTrue(leaked.isEmpty(), leaked.size() + " secrets found in the demo realm's events: " + leaked);
    }
}
