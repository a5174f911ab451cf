package dev.lanyard.testing;

import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak every integration test runs against: the distribution with this module's providers
 * (built from target/classes), its log also written to {@link #LOG_FILE} for the secret-leak scan,
 * Lanyard's own categories at DEBUG so that scan also covers debug output. Every test class uses
 * this one config, so the framework starts the server once for the whole suite.
 */
public final class LanyardServer implements KeycloakServerConfig {

    public static final Path LOG_FILE = Path.of("target", "keycloak-server.log").toAbsolutePath();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.dependencyCurrentProject()
                .option("log-file", LOG_FILE.toString());
        config.log()
                .handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE)
                .categoryLevel("dev.lanyard", "DEBUG");
        return config;
    }
}
