package dev.lanyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.it.utils.Maven;
import org.keycloak.testframework.util.MavenProjectUtil;

/**
 * Two (or more) Keycloak distributions with the pack, clustered the default way (embedded
 * Infinispan, JGroups discovery through the shared PostgreSQL: jdbc-ping), each on its own ports,
 * behind no proxy: tests call each node directly. Logs go to target/cluster/node-*.log.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final String DATABASE = "lanyard_cluster";
    public static final Path DIR = Path.of("target", "cluster").toAbsolutePath();

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** One node: its HTTP, management and JGroups ports. */
    public record Node(String name, int httpPort, int managementPort, int jgroupsPort) {

        public String baseUrl() {
            return "http://localhost:" + httpPort;
        }

        public String realmUrl(String realm) {
            return baseUrl() + "/realms/" + realm;
        }

        public Path logFile() {
            return DIR.resolve(name + ".log");
        }

        public Keycloak admin() {
            return KeycloakBuilder.builder().serverUrl(baseUrl()).realm("master").clientId("admin-cli")
                    .username("admin").password("admin").build();
        }
    }

    private final List<Node> nodes;
    private final java.util.Map<Node, Process> processes = new java.util.LinkedHashMap<>();

    private final String listSource;
    private final Path truststore;

    private KeycloakCluster(List<Node> nodes, String listSource, Path truststore) {
        this.nodes = nodes;
        this.listSource = listSource;
        this.truststore = truststore;
    }

    /** Starts the nodes one after another (the first creates the schema) on a fresh database. */
    public static KeycloakCluster start(Node... nodes) throws Exception {
        return start(Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv")) ? LanyardServer.OFAC_SNAPSHOT.toString() : null,
                nodes);
    }

    /** As {@link #start(Node...)}, screening against the SDN list at {@code listSource} (a directory or an http URL). */
    public static KeycloakCluster start(String listSource, Node... nodes) throws Exception {
        return start(listSource, null, nodes);
    }

    /** As {@link #start(String, Node...)}, the nodes also trusting the certificates in {@code truststore} (PEM; null: none). */
    public static KeycloakCluster start(String listSource, Path truststore, Node... nodes) throws Exception {
        KeycloakCluster cluster = new KeycloakCluster(List.of(nodes), listSource, truststore);
        try {
            cluster.recreateDatabase();
            Path dist = cluster.installDistribution();
            for (Node node : nodes) {
                cluster.startNode(dist, node);
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Stops the nodes and removes their installations (~600 MB); the logs stay for the leak scan. */
    @Override
    public void close() {
        stopNodes();
        try (Stream<Path> installs = Files.list(DIR)) {
            for (Path install : installs.filter(Files::isDirectory).toList()) {
                deleteTree(install);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the cluster installations under " + DIR, e);
        }
    }

    /** The nodes' server logs, for the secret-leak scan. */
    public static List<Path> logFiles() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
    }

    /** Kills the node the hard way (SIGKILL to kc.sh and its JVM): no shutdown hook, no transaction finishes. */
    public void kill(Node node) throws Exception {
        Process process = processes.remove(node);
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        for (ProcessHandle child : tree) {
            child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Starts a stopped or killed node again on its own installation (its log is appended to). */
    public void restart(Node node) throws Exception {
        launch(DIR.resolve(node.name()), node);
    }

    private void stopNodes() {
        for (Process process : processes.values()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private void recreateDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Unzips the same keycloak-quarkus-dist the suite uses, adds the pack, and builds it once for PostgreSQL. */
    private Path installDistribution() throws Exception {
        Path dist = DIR.resolve("dist");
        deleteTree(DIR);
        Files.createDirectories(dist);
        unzip(Maven.resolveArtifact("org.keycloak", "keycloak-quarkus-dist"), dist);
        Path home;
        try (Stream<Path> entries = Files.list(dist)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        MavenProjectUtil.buildJar("lanyard-providers.jar", Path.of("target", "classes").toAbsolutePath(),
                home.resolve("providers").resolve("lanyard-providers.jar"));
        for (String library : List.of("commons-text", "commons-csv")) {
            Path jar = Maven.resolveArtifact("org.apache.commons", library);
            Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()));
        }
        run(home, DIR.resolve("build.log"), "build", "--db=postgres", "--health-enabled=true", "--cache=ispn");
        return home;
    }

    private void startNode(Path dist, Node node) throws Exception {
        Path home = DIR.resolve(node.name());
        copyTree(dist, home);
        launch(home, node);
    }

    private void launch(Path home, Node node) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-port=" + node.httpPort(), "--http-management-port=" + node.managementPort(),
                "--hostname-strict=false",
                "--db-url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "--db-username=postgres", "--db-password=postgres",
                "--cache=ispn", "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + node.jgroupsPort(),
                "--log=console,file", "--log-file=" + node.logFile(), "--log-level=INFO,dev.lanyard:debug"));
        if (truststore != null) {
            command.add("--truststore-paths=" + truststore);
        }
        if (listSource != null) {
            // The name of the option before screening became an SPI of its own: kept working for a release (ClusterIT checks the warning).
            command.add("--spi-events-listener--lanyard-screening--list-source=" + listSource);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve(node.name() + ".console").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Process process = builder.start();
        processes.put(node, process);
        awaitReady(node, process);
    }

    private static void awaitReady(Node node, Process process) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak node " + node.name() + " exited with " + process.exitValue()
                        + "; see " + DIR.resolve(node.name() + ".console"));
            }
            if (Probe.answers200("http://localhost:" + node.managementPort() + "/health/ready")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak node " + node.name() + " not ready within " + START_TIMEOUT);
    }

    private static void run(Path home, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new AssertionError("kc.sh " + String.join(" ", args) + " failed (" + exit + "); see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** A node's own copy of the built distribution (its data/ and any rebuild stay its own). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source));
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
