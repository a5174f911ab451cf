package dev.lanyard.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak every integration test runs against: the distribution with this module's providers
 * (built from target/classes) and the two libraries the pack needs beside it (commons-text,
 * commons-csv), its log also written to {@link #LOG_FILE} for the secret-leak scan, Lanyard's own
 * categories at DEBUG so that scan also covers debug output, and sanctions screening reading the
 * OFAC snapshot of shared/data/ofac. Every test class uses this one config, so the framework starts
 * the server once for the whole suite.
 */
public final class LanyardServer implements KeycloakServerConfig {

    public static final Path LOG_FILE = Path.of("target", "keycloak-server.log").toAbsolutePath();
    /** The OFAC SDN snapshot beside the checkout (read-only). */
    public static final Path OFAC_SNAPSHOT = Path.of("..", "..", "shared", "data", "ofac").toAbsolutePath().normalize();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.dependencyCurrentProject()
                .dependency("org.apache.commons", "commons-text")
                .dependency("org.apache.commons", "commons-csv")
                .option("log-file", LOG_FILE.toString())
                .option("metrics-enabled", "true"); // Lanyard's meters beside Keycloak's (MetricsIT)
        if (Files.isRegularFile(OFAC_SNAPSHOT.resolve("sdn.csv"))) {
            config.option("spi-lanyard-screening--default--list-source", OFAC_SNAPSHOT.toString());
        }
        config.option("spi-lanyard-revalidation--default--moe-url", MoeService.BASE_URL);
        config.option("spi-events-listener--lanyard-audit--purge-interval-minutes", "1"); // PersonAuditIT waits for a purge
        config.log()
                .handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE)
                .categoryLevel("dev.lanyard", "DEBUG");
        return config;
    }
}
