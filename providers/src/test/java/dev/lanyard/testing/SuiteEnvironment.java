package dev.lanyard.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Chooses, once per test run and before Keycloak starts, what the integration tests run on:
 * <ul>
 * <li>PostgreSQL when it answers at 127.0.0.1:5432 (a fresh database {@value #DATABASE} each run),
 * else Keycloak's in-memory H2, and says so;</li>
 * <li>headless Chromium when Debian's chromedriver is installed, else the browser tests skip and say why.</li>
 * </ul>
 * Anything set explicitly ({@code KC_TEST_DATABASE}, {@code KC_TEST_BROWSER}, or their system
 * properties) wins. Registered through META-INF/services; does nothing for unit-test runs.
 */
public final class SuiteEnvironment implements TestExecutionListener {

    public static final String DATABASE = "lanyard_it";
    static final String POSTGRES_HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String SELECTED_DATABASE = "lanyard.test.database";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!hasIntegrationTests(testPlan)) {
            return;
        }
        deleteOldServerLog();
        selectDatabase();
        selectBrowser();
    }

    /** "postgres" or "h2", as chosen for this run. */
    public static String database() {
        return System.getProperty(SELECTED_DATABASE, "h2");
    }

    public static boolean chromiumAvailable() {
        return chromedriver().isPresent();
    }

    private static void selectDatabase() {
        if (configured("kc.test.database")) {
            System.setProperty(SELECTED_DATABASE, configuredValue("kc.test.database").contains("postgres") ? "postgres" : "other");
            say("Keycloak database set explicitly: " + configuredValue("kc.test.database"));
            return;
        }
        if (!reachable(POSTGRES_HOST, POSTGRES_PORT)) {
            say("PostgreSQL does not answer at " + POSTGRES_HOST + ":" + POSTGRES_PORT
                    + ": Keycloak runs on in-memory H2, and the PostgreSQL tests are skipped.");
            return;
        }
        try {
            recreateDatabase();
        } catch (SQLException e) {
            say("PostgreSQL answers at " + POSTGRES_HOST + ":" + POSTGRES_PORT + " but cannot be used (" + e.getMessage()
                    + "): Keycloak runs on in-memory H2, and the PostgreSQL tests are skipped.");
            return;
        }
        System.setProperty("kc.test.database", "remote");
        System.setProperty("kc.test.database.vendor", "postgres");
        System.setProperty("kc.test.database.url", jdbcUrl(DATABASE));
        System.setProperty("kc.test.database.user", "postgres");
        System.setProperty("kc.test.database.password", "postgres");
        System.setProperty(SELECTED_DATABASE, "postgres");
        say("Keycloak runs on PostgreSQL at " + POSTGRES_HOST + ":" + POSTGRES_PORT + ", database " + DATABASE + " (fresh).");
    }

    /** A clean database per run, as dev-mem H2 is; trust authentication, as on the project's machines. */
    private static void recreateDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static void selectBrowser() {
        if (configured("kc.test.browser")) {
            return;
        }
        Optional<Path> driver = chromedriver();
        if (driver.isPresent()) {
            System.setProperty("kc.test.browser", "chrome-headless");
            System.setProperty("kc.test.browser.driver", driver.get().toString());
            say("Browser tests run in headless Chromium (" + driver.get() + ").");
        } else {
            say("chromedriver not found (install Debian's chromium and chromium-driver): the browser tests are skipped.");
        }
    }

    private static Optional<Path> chromedriver() {
        String fromEnv = System.getenv("CHROMEWEBDRIVER");
        if (fromEnv != null && Files.isExecutable(Path.of(fromEnv))) {
            return Optional.of(Path.of(fromEnv));
        }
        return Files.isExecutable(CHROMEDRIVER) ? Optional.of(CHROMEDRIVER) : Optional.empty();
    }

    private static void deleteOldServerLog() {
        try {
            Files.deleteIfExists(LanyardServer.LOG_FILE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete the previous server log " + LanyardServer.LOG_FILE, e);
        }
    }

    private static boolean hasIntegrationTests(TestPlan plan) {
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .map(TestIdentifier::getSource)
                .flatMap(Optional::stream)
                .anyMatch(SuiteEnvironment::isIntegrationTestClass);
    }

    private static boolean isIntegrationTestClass(TestSource source) {
        return source instanceof ClassSource cs && cs.getJavaClass().isAnnotationPresent(KeycloakIntegrationTest.class);
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean configured(String property) {
        return configuredValue(property) != null;
    }

    private static String configuredValue(String property) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(property.toUpperCase().replace('.', '_'));
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + database;
    }

    private static void say(String message) {
        System.out.println("[lanyard-tests] " + message);
    }
}
