package dev.lanyard.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.List;
import java.util.Set;

import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.KeycloakCluster;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.SuiteEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
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

    /** Lanyard's own tables (audit records, HTTP logs, migration records), read straight from the suite's PostgreSQL. */
    @Test
    void noSecretTheSuiteUsedIsInLanyardsTables() throws Exception {
        Assumptions.assumeTrue("postgres".equals(SuiteEnvironment.database()),
                "Lanyard's tables are read over JDBC from PostgreSQL; on in-memory H2 they live inside the server");
        StringBuilder rows = new StringBuilder();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + SuiteEnvironment.DATABASE, "postgres", "postgres");
             Statement statement = db.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "select table_name from information_schema.tables where lower(table_name) like 'lanyard\\_%'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                int count = 0;
                try (ResultSet all = statement.executeQuery("select * from \"" + table + "\"")) {
                    int columns = all.getMetaData().getColumnCount();
                    while (all.next()) {
                        count++;
                        for (int c = 1; c <= columns; c++) {
                            rows.append(all.getString(c)).append('\n');
                        }
                    }
                }
                counts.put(table.toLowerCase(java.util.Locale.ROOT), count);
            }
            try (ResultSet realms = statement.executeQuery("select count(*) from realm")) {
                realms.next();
                counts.put("(realms)", realms.getInt(1));
            }
        }
        assertTrue(counts.getOrDefault("lanyard_person_audit", 0) > 0 && counts.getOrDefault("lanyard_http_log", 0) > 0
                && counts.getOrDefault("lanyard_migration_record", 0) > 0, "the suite wrote audit, HTTP log and migration rows: " + counts);
        List<String> leaked = Secrets.foundIn(Secrets.seen(), rows.toString());
        assertTrue(leaked.isEmpty(), leaked.size() + " secrets found in Lanyard's tables: " + leaked);
        System.out.printf("[lanyard-tests] secret-leak scan of Lanyard's tables %s: %d secrets, 0 hits%n", counts, Secrets.seen().size());
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
