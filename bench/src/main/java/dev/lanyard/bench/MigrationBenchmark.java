package dev.lanyard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code mvn -Pbench -Dlanyard.bench.main=dev.lanyard.bench.MigrationBenchmark}: the same people
 * (same pbkdf2-sha256 legacy hash) imported into stock Keycloak with its own partialImport and into
 * Keycloak with Lanyard through {@code /migrate}, one server after the other; wall time from the
 * first request until every person is a Keycloak user, and heap after a full GC once done. Then the
 * first sign-in of people still in the legacy service (Lanyard's lazy migration, legacy served by
 * this process on 127.0.0.1) against a sign-in of people already in stock Keycloak.
 */
public final class MigrationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REALM = "bench-migration";
    private static final String MIGRATOR = "bench-migrator";
    private static final String MIGRATOR_SECRET = "bench-migrator-secret";
    private static final String LEGACY_PASSWORD = "legacy-Passw0rd!";
    private static final int LEGACY_PORT = 8599;
    /** People per /migrate request (its limit). */
    private static final int BATCH = 5000;
    /**
     * People per partialImport request: one request is one transaction, and 5,000 people with credentials
     * outlast Keycloak's default transaction timeout (300 s) on a 2-core machine with H2, which rolls it back.
     */
    private static final int PARTIAL_IMPORT = 500;
    private static final int HISTOGRAM_ROWS = 15;

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("lanyard.bench.migration.people", 100_000);
        int signIns = Integer.getInteger("lanyard.bench.migration.signins", 50);
        Integer chunkSize = Integer.getInteger("lanyard.bench.migration.chunk"); // null: the server's default
        boolean withStock = !"false".equals(System.getProperty("lanyard.bench.migration.stock"));
        boolean profile = Boolean.getBoolean("lanyard.bench.profile");
        Path stockHome = Path.of(System.getProperty("lanyard.bench.stock"));
        Path lanyardHome = Path.of(System.getProperty("lanyard.bench.lanyard"));
        Path output = Path.of(System.getProperty("lanyard.bench.output"));
        Path results = Path.of(System.getProperty("lanyard.bench.results"));
        Files.createDirectories(output);
        Files.createDirectories(lanyardHome.resolve("providers"));
        Files.copy(Path.of(System.getProperty("lanyard.bench.jar")), lanyardHome.resolve("providers/lanyard-providers.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        PackLibraries.copy(lanyardHome.resolve("providers"));
        Map<String, String> hash = pbkdf2(LEGACY_PASSWORD);

        Map<String, List<String>> histograms = new LinkedHashMap<>();
        Map<String, Double> stock = new LinkedHashMap<>();
        if (withStock) {
            try (KeycloakProcess keycloak = KeycloakProcess.start(stockHome, 8081, 9081, output.resolve("stock-migration-keycloak.log"))) {
                AdminApi admin = AdminApi.login(keycloak.baseUrl());
                admin.createRealm(realm());
                stock.put("signInMillis", median(stockSignIns(admin, keycloak.baseUrl(), signIns)));
                long start = System.nanoTime();
                for (int from = 0; from < people; from += PARTIAL_IMPORT) {
                    List<Object> users = new ArrayList<>();
                    for (int i = from; i < Math.min(people, from + PARTIAL_IMPORT); i++) {
                        users.add(keycloakUser(i, hash));
                    }
                    admin = AdminApi.login(keycloak.baseUrl()); // an import can outlast the admin token
                    admin.post("/admin/realms/" + REALM + "/partialImport", Map.of("ifResourceExists", "FAIL", "users", users));
                }
                stock.put("seconds", (System.nanoTime() - start) / 1e9);
                stock.put("users", (double) count(AdminApi.login(keycloak.baseUrl())) - signIns); // less the sign-in people
                stock.put("heapMiB", keycloak.heapAfterGc() / 1048576.0);
                histograms.put("stock", keycloak.classHistogram(HISTOGRAM_ROWS));
                System.out.printf("stock: %d people by partialImport in %.1f s%n", people, stock.get("seconds"));
            }
        }

        Map<String, Double> lanyard = new LinkedHashMap<>();
        String profileSummary = null;
        HttpServer legacy = legacyService(signIns);
        Integer threads = Integer.getInteger("lanyard.bench.migration.threads"); // null: the server's default
        List<String> lanyardOptions = new ArrayList<>();
        if (chunkSize != null) {
            lanyardOptions.add("--spi-realm-restapi-extension--migrate--chunk-size=" + chunkSize);
        }
        if (threads != null) {
            lanyardOptions.add("--spi-realm-restapi-extension--migrate--threads=" + threads);
        }
        try (KeycloakProcess keycloak = KeycloakProcess.start(lanyardHome, 8082, 9082, output.resolve("lanyard-migration-keycloak.log"),
                lanyardOptions)) {
            AdminApi admin = AdminApi.login(keycloak.baseUrl());
            admin.createRealm(realm());
            admin.post("/admin/realms/" + REALM + "/client-scopes", Map.of("name", "MIGRATE_USERS", "protocol", "openid-connect",
                    "attributes", Map.of("include.in.token.scope", "true")));
            admin.post("/admin/realms/" + REALM + "/clients", Map.of("clientId", MIGRATOR, "secret", MIGRATOR_SECRET,
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "defaultClientScopes", List.of("basic", "roles", "MIGRATE_USERS")));
            admin.post("/admin/realms/" + REALM + "/components", Map.of("name", "legacy", "providerId", "lanyard-legacy",
                    "providerType", "org.keycloak.storage.UserStorageProvider",
                    "config", Map.of("legacyBaseUrl", List.of("http://127.0.0.1:" + LEGACY_PORT), "enabled", List.of("true"),
                            "priority", List.of("0"), "importAndUnlink", List.of("true"))));
            List<Long> lazy = lazySignIns(keycloak.baseUrl(), signIns);
            lanyard.put("lazySignInMillis", median(lazy));
            lanyard.put("signInAfterMigrationMillis", median(signInsAgain(keycloak.baseUrl(), signIns)));

            if (profile) {
                keycloak.startProfile();
            }
            long start = System.nanoTime();
            List<String> batches = new ArrayList<>();
            for (int from = 0; from < people; from += BATCH) {
                List<Object> users = new ArrayList<>();
                for (int i = from; i < Math.min(people, from + BATCH); i++) {
                    users.add(person(i, hash));
                }
                String batchId = "bench-" + from;
                HttpResponse<String> accepted = post(keycloak.baseUrl() + "/realms/" + REALM + "/migrate", migratorToken(keycloak.baseUrl()),
                        Map.of("migrationBatchId", batchId, "users", users));
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("/migrate answered " + accepted.statusCode() + ": " + accepted.body());
                }
                batches.add(batchId);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
            long migrated = 0;
            for (String batchId : batches) {
                while (true) {
                    JsonNode status = JSON.readTree(get(keycloak.baseUrl() + "/realms/" + REALM + "/migrate/status?migrationBatchId="
                            + batchId, migratorToken(keycloak.baseUrl())).body());
                    if ("COMPLETED".equals(status.path("status").asText())) {
                        migrated += status.path("counts").path("SUCCESS").asLong();
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("migration not done within 60 minutes: " + status);
                    }
                    Thread.sleep(1000);
                }
            }
            lanyard.put("seconds", (System.nanoTime() - start) / 1e9);
            lanyard.put("users", (double) migrated);
            if (profile) {
                Path recording = output.resolve("lanyard-migration.jfr");
                keycloak.stopProfile(recording);
                profileSummary = Profiles.summarize(recording, "lanyard-migration-flame", ".*MigrationWorker\\.run.*");
            }
            lanyard.put("heapMiB", keycloak.heapAfterGc() / 1048576.0);
            histograms.put("Lanyard", keycloak.classHistogram(HISTOGRAM_ROWS));
            System.out.printf("lanyard: %d people by /migrate in %.1f s%n", migrated, lanyard.get("seconds"));
        } finally {
            legacy.stop(0);
        }

        String report = withStock ? report(people, signIns, chunkSize, stock, lanyard, histograms)
                : String.format(Locale.ROOT, "# Migration benchmark, Lanyard only (%s)%n%n%,.0f people by /migrate in %.1f s: %.0f people/s"
                        + " (worker chunk: %s, threads: %s)%n", BenchDatabase.selected().label(), lanyard.get("users"), lanyard.get("seconds"),
                        lanyard.get("users") / lanyard.get("seconds"), chunkSize == null ? "the server's default" : chunkSize,
                        threadsLabel());
        if (profileSummary != null) {
            report += "\n## Where the Lanyard server's time went during the import\n\n" + profileSummary;
        }
        Files.writeString(output.resolve("migration-report.md"), report);
        Files.createDirectories(results);
        Files.writeString(results.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + "-migration.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    private static String report(int people, int signIns, Integer chunkSize, Map<String, Double> stock, Map<String, Double> lanyard,
            Map<String, List<String>> histograms) {
        double stockRate = people / stock.get("seconds");
        double lanyardRate = lanyard.get("users") / lanyard.get("seconds");
        StringBuilder md = new StringBuilder("# Migration benchmark: Lanyard's /migrate against Keycloak's partialImport\n\n");
        md.append(String.format(Locale.ROOT, "Keycloak %s, one server after the other on this machine (%d cores), %s, local caches;"
                + " %,d people with the same pbkdf2-sha256 legacy hash, %,d a partialImport request, %,d a /migrate batch"
                + " (worker chunk: %s, threads: %s); ratios are Lanyard / stock.%n%n",
                System.getProperty("lanyard.bench.keycloak-version", "26.7.0"), Runtime.getRuntime().availableProcessors(),
                BenchDatabase.selected().label(), people,
                PARTIAL_IMPORT, BATCH, chunkSize == null ? "the server's default" : chunkSize + " people",
                threadsLabel()));
        md.append("| | stock partialImport | Lanyard /migrate | ratio |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| people imported | %,.0f | %,.0f | |%n", stock.get("users"), lanyard.get("users")));
        md.append(String.format(Locale.ROOT, "| wall time, first request to last person stored (s) | %.1f | %.1f | %.2f |%n",
                stock.get("seconds"), lanyard.get("seconds"), lanyard.get("seconds") / stock.get("seconds")));
        md.append(String.format(Locale.ROOT, "| throughput (people/s) | %.0f | %.0f | %.2f |%n", stockRate, lanyardRate, lanyardRate / stockRate));
        md.append(String.format(Locale.ROOT, "| heap after full GC, after the import (MiB) | %.0f | %.0f | %.2f |%n",
                stock.get("heapMiB"), lanyard.get("heapMiB"), lanyard.get("heapMiB") / stock.get("heapMiB")));
        md.append(String.format(Locale.ROOT, "%nSign-in (direct grant, median of %d, one at a time; realm policy pbkdf2-sha256):%n%n", signIns));
        md.append("| | ms | ratio to stock |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| stock: a person already in Keycloak | %.0f | 1.00 |%n", stock.get("signInMillis")));
        md.append(String.format(Locale.ROOT, "| Lanyard: first sign-in of a person still in legacy (lookup, legacy password check, import, hash) | %.0f | %.2f |%n",
                lanyard.get("lazySignInMillis"), lanyard.get("lazySignInMillis") / stock.get("signInMillis")));
        md.append(String.format(Locale.ROOT, "| Lanyard: the same person's next sign-in (no legacy call) | %.0f | %.2f |%n",
                lanyard.get("signInAfterMigrationMillis"), lanyard.get("signInAfterMigrationMillis") / stock.get("signInMillis")));
        // What the heap difference is made of: the live heap's biggest classes on each server, after the import.
        histograms.forEach((server, rows) -> {
            md.append(String.format(Locale.ROOT, "%nBiggest live classes on %s after the import (jcmd GC.class_histogram: rank, instances, bytes, class):%n%n```%n", server));
            rows.forEach(row -> md.append(row).append('\n'));
            md.append("```\n");
        });
        return md.toString();
    }

    private static String threadsLabel() {
        Integer threads = Integer.getInteger("lanyard.bench.migration.threads");
        return threads == null ? "the server's default" : threads.toString();
    }

    private static Map<String, Object> realm() {
        return Map.of("realm", REALM, "enabled", true, "sslRequired", "none", "bruteForceProtected", false,
                "passwordPolicy", "hashAlgorithm(pbkdf2-sha256)",
                "clients", List.of(Map.of("clientId", BenchSettings.APP, "secret", BenchSettings.APP_SECRET, "publicClient", false,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false)));
    }

    private static List<Long> stockSignIns(AdminApi admin, String baseUrl, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            // With the profile the realm's user profile requires, else the sign-in stops at "update your profile".
            admin.createUser(REALM, Map.of("username", "signin-" + i, "enabled", true, "email", "signin-" + i + "@stock.bench",
                    "emailVerified", true, "firstName", "Stock", "lastName", "Person " + i,
                    "credentials", List.of(Map.of("type", "password", "value", LEGACY_PASSWORD, "temporary", false))));
        }
        signIn(baseUrl, "signin-0"); // warm-up
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            millis.add(signIn(baseUrl, "signin-" + i));
        }
        return millis;
    }

    private static List<Long> lazySignIns(String baseUrl, int count) throws Exception {
        signIn(baseUrl, "legacy-0"); // warm-up
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            millis.add(signIn(baseUrl, "legacy-" + i));
        }
        return millis;
    }

    private static List<Long> signInsAgain(String baseUrl, int count) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            millis.add(signIn(baseUrl, "legacy-" + i));
        }
        return millis;
    }

    private static long signIn(String baseUrl, String username) throws Exception {
        String form = "grant_type=password&client_id=" + BenchSettings.APP + "&client_secret=" + BenchSettings.APP_SECRET
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(LEGACY_PASSWORD, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    /** The legacy auth service (seed 003 lookup and password check) for people legacy-0 .. legacy-(n-1). */
    private static HttpServer legacyService(int people) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", LEGACY_PORT), 0);
        server.createContext("/auth/admin/client/person/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/auth/admin/client/person/".length());
            boolean known = name.startsWith("legacy-") && name.substring(7).chars().allMatch(Character::isDigit)
                    && Integer.parseInt(name.substring(7)) < people;
            reply(exchange, known ? envelope(legacyPerson(name)) : envelope(null));
        });
        server.createContext("/auth/api/validate/password", exchange -> {
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            }
            reply(exchange, envelope(Map.of("passwordValidated", LEGACY_PASSWORD.equals(body.path("password").asText()))));
        });
        server.start();
        return server;
    }

    private static Map<String, Object> legacyPerson(String username) {
        return Map.of("username", username, "firstName", "Legacy", "lastName", username, "status", "ACTIVE", "personType", "SUBSCRIBER",
                "personContacts", List.of(Map.of("contactType", "EMAIL", "contact", username + "@legacy.bench")));
    }

    private static Map<String, Object> envelope(Object data) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("statusCode", data == null ? "NOT_FOUND" : "SUCCESS");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("contextResponse", context);
        envelope.put("responseData", data);
        return envelope;
    }

    private static void reply(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> keycloakUser(int i, Map<String, String> hash) throws IOException {
        return Map.of("username", "bulk-" + i, "email", "bulk-" + i + "@legacy.bench", "firstName", "Bulk", "lastName", "Person " + i,
                "enabled", true, "emailVerified", true,
                "attributes", Map.of("legacyUuid", List.of("bulk-" + i), "personType", List.of("SUBSCRIBER")),
                "credentials", List.of(Map.of("type", "password",
                        "credentialData", JSON.writeValueAsString(Map.of("hashIterations", 1000, "algorithm", "pbkdf2-sha256",
                                "additionalParameters", Map.of())),
                        "secretData", JSON.writeValueAsString(Map.of("value", hash.get("hash"), "salt", hash.get("salt"),
                                "additionalParameters", Map.of())))));
    }

    private static Map<String, Object> person(int i, Map<String, String> hash) {
        return Map.of("username", "bulk-" + i, "firstName", "Bulk", "lastName", "Person " + i, "status", "ACTIVE",
                "personType", "SUBSCRIBER", "personContacts", List.of(Map.of("contactType", "EMAIL", "contact", "bulk-" + i + "@legacy.bench")),
                "credential", Map.of("type", "password", "algorithm", "pbkdf2-sha256", "hash", hash.get("hash"), "salt", hash.get("salt"),
                        "iterations", 1000));
    }

    private static Map<String, String> pbkdf2(String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
        return Map.of("hash", Base64.getEncoder().encodeToString(key), "salt", Base64.getEncoder().encodeToString(salt));
    }

    private static long count(AdminApi admin) throws Exception {
        return admin.get("/admin/realms/" + REALM + "/users/count").asLong();
    }

    private static String migratorToken(String baseUrl) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + MIGRATOR + "&client_secret=" + MIGRATOR_SECRET;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> post(String url, String token, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

}
