package dev.lanyard.devserver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.lanyard.testing.Probe;

/**
 * What {@code mvn -Prun} runs: Keycloak (the dist unpacked under {@code providers/target/run}) with
 * the freshly built pack and the demo realm, on its embedded H2 database, plus a mail catcher.
 * Ctrl-C stops both. Not part of the pack: it lives in test sources and only runs from Maven.
 */
public final class LanyardDevServer {

    private static final String BASE_URL = "http://localhost:8080";

    private LanyardDevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(required("lanyard.keycloak.home"));
        Path providersJar = Path.of(required("lanyard.providers.jar"));
        Path realmConfig = Path.of(required("lanyard.realm.config"));

        installPack(home, providersJar);
        stageRealmImport(home, realmConfig);

        DemoMailCatcher mailCatcher = DemoMailCatcher.start();
        Process keycloak = startKeycloak(home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(keycloak);
            mailCatcher.stop();
        }, "lanyard-dev-shutdown"));

        if (waitUntilReady(keycloak, Duration.ofMinutes(5))) {
            printBanner(mailCatcher);
        }
        int exit = keycloak.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            System.err.println("Keycloak exited with status " + exit + ". Is port 8080 or 9000 already in use?");
        }
        mailCatcher.stop();
    }

    private static void installPack(Path home, Path providersJar) throws IOException {
        if (!Files.isRegularFile(providersJar)) {
            throw new IllegalStateException("Provider jar not built: " + providersJar);
        }
        Path providers = home.resolve("providers");
        Files.createDirectories(providers);
        try (Stream<Path> old = Files.list(providers)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("lanyard-")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(providersJar, providers.resolve(providersJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        // The libraries Keycloak does not ship (commons-text, commons-csv), copied beside the jar by the build.
        Path libraries = Path.of(required("lanyard.providers.libs"));
        try (Stream<Path> jars = Files.list(libraries)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Keycloak imports data/import/*.json at start; realms that already exist are kept as they are. */
    private static void stageRealmImport(Path home, Path realmConfig) throws IOException {
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        try (Stream<Path> files = Files.list(realmConfig)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(json, importDir.resolve(json.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Process startKeycloak(Path home) throws IOException {
        Path kc = home.resolve("bin").resolve("kc.sh");
        if (!kc.toFile().setExecutable(true)) {
            throw new IOException("Cannot make " + kc + " executable");
        }
        List<String> command = new java.util.ArrayList<>(List.of(kc.toString(), "start-dev", "--import-realm",
                "--http-port=8080", "--health-enabled=true", "--metrics-enabled=true"));
        // Sanctions screening reads the OFAC snapshot beside the checkout when there is one; without it nothing is screened.
        Path ofac = Path.of(System.getProperty("lanyard.ofac", "")).toAbsolutePath().normalize();
        if (Files.isRegularFile(ofac.resolve("sdn.csv"))) {
            command.add("--spi-lanyard-screening--default--list-source=" + ofac);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .inheritIO();
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return builder.start();
    }

    private static boolean waitUntilReady(Process keycloak, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && keycloak.isAlive()) {
            if (Probe.answers200(BASE_URL + "/realms/demo/.well-known/openid-configuration")) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void printBanner(DemoMailCatcher mailCatcher) {
        long startedMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String line = "=".repeat(78);
        System.out.printf("%n%s%n", line);
        System.out.printf("  Lanyard is ready (%.1f s since mvn started)%n%n", startedMillis / 1000.0);
        System.out.printf("  Sign in as the demo user:  %s/realms/demo/account%n", BASE_URL);
        System.out.printf("      email: demo@lanyard.test  (no password: the code arrives by mail)%n");
        System.out.printf("  Read the mails:            %s%n", mailCatcher.webUrl());
        System.out.printf("  Admin console:             %s/admin  (admin / admin)%n", BASE_URL);
        System.out.printf("%n  Ctrl-C stops Keycloak and the mail catcher.%n%s%n%n", line);
    }

    private static void stop(Process keycloak) {
        if (!keycloak.isAlive()) {
            return;
        }
        keycloak.descendants().forEach(ProcessHandle::destroy);
        keycloak.destroy();
        try {
            keycloak.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Run through `mvn -Prun`; system property " + property + " is missing");
        }
        return value;
    }
}
