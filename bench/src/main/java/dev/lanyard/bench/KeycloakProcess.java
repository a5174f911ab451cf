package dev.lanyard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak distribution under load: started in production mode on H2 ({@code dev-file}) or, with
 * {@code -Dlanyard.bench.db=postgres}, on a fresh PostgreSQL database of its own on 127.0.0.1:5432; measured, stopped.
 */
final class KeycloakProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final AutoCloseable analyzer;

    private KeycloakProcess(Process process, int httpPort, int managementPort, AutoCloseable analyzer) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.analyzer = analyzer;
    }

    static KeycloakProcess start(Path home, int httpPort, int managementPort, Path log) throws IOException, InterruptedException {
        return start(home, httpPort, managementPort, log, List.of());
    }

    /** {@code options}: more {@code kc.sh start} options, such as a provider's settings. */
    static KeycloakProcess start(Path home, int httpPort, int managementPort, Path log, List<String> options)
            throws IOException, InterruptedException {
        deleteTree(home.resolve("data")); // a fresh database each run, so both servers start from the same state
        Path kc = home.resolve("bin/kc.sh");
        kc.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of(kc.toString(), "start", "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort, "--hostname-strict=false",
                "--cache=local", "--metrics-enabled=true", "--health-enabled=true"));
        String database = "lanyard_bench_" + httpPort;
        command.addAll(BenchDatabase.selected().options(database));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        KeycloakProcess keycloak = new KeycloakProcess(builder.start(), httpPort, managementPort,
                BenchDatabase.selected().standInForAutovacuum(database));
        keycloak.awaitReady(Duration.ofMinutes(5), log);
        return keycloak;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Live heap after a full GC (jcmd GC.run, then Keycloak's own metric), in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        long pid = javaPid();
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(1000);
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The management port's {@code /metrics} as Prometheus text. */
    String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The live heap's biggest classes (jcmd GC.class_histogram, which forces a full GC first): the first
     * {@code top} rows after the header, to tell what a heap difference is made of.
     */
    java.util.List<String> classHistogram(int top) throws IOException, InterruptedException {
        Process histogram = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(javaPid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(histogram.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        histogram.waitFor(60, TimeUnit.SECONDS);
        return out.lines().filter(line -> line.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+.*")).limit(top).toList();
    }

    /**
     * Starts a JFR recording (the JDK's own profiler, settings "profile": method samples every 10-20 ms,
     * allocations, locks) until {@link #stopProfile}.
     */
    void startProfile() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=lanyard-bench", "settings=profile");
    }

    /** Stops the recording of {@link #startProfile} and writes it to {@code file}. */
    void stopProfile(Path file) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=lanyard-bench", "filename=" + file.toAbsolutePath());
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(javaPid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Resident set size of the Keycloak JVM, in bytes (from /proc). */
    long residentSetSize() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(javaPid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024L;
            }
        }
        return -1;
    }

    /** kc.sh may exec java or start it as a child: the JVM is whichever of them is java. */
    private long javaPid() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .orElse(process.pid());
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        try {
            analyzer.close();
        } catch (Exception ignored) {
            // a daemon thread; it ends with the benchmark anyway
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
