package dev.lanyard.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The database both servers of a run use ({@code -Dlanyard.bench.db}): {@code h2} (default, Keycloak's
 * {@code dev-file}) or {@code postgres}, where each server gets a database of its own on 127.0.0.1:5432
 * (user postgres, trust), dropped and created again before it starts, so both start from the same state.
 */
enum BenchDatabase {
    H2("H2 (dev-file)"),
    POSTGRES("PostgreSQL 127.0.0.1:5432");

    private final String label;

    BenchDatabase(String label) {
        this.label = label;
    }

    static BenchDatabase selected() {
        String db = System.getProperty("lanyard.bench.db", "h2");
        return switch (db.toLowerCase(Locale.ROOT)) {
            case "h2", "", "dev-file" -> H2;
            case "postgres", "postgresql" -> POSTGRES;
            default -> throw new IllegalArgumentException("lanyard.bench.db must be h2 or postgres, not " + db);
        };
    }

    String label() {
        return label;
    }

    /** The {@code kc.sh start} options for a fresh database named {@code name} (for PostgreSQL: created now). */
    List<String> options(String name) throws IOException, InterruptedException {
        if (this == H2) {
            return List.of("--db=dev-file");
        }
        psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        psql("CREATE DATABASE " + name);
        return List.of("--db=postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/" + name, "--db-username=postgres",
                "--db-password=postgres");
    }

    /**
     * With autovacuum off (as on this machine's PostgreSQL; it is on by default), tables filled during the run keep the
     * statistics of an empty table and the planner keeps choosing plans for one: a username lookup read every user of
     * the realm, and the import slowed down as it went. Then a thread stands in for autovacuum's analyze, every ten
     * seconds on database {@code name}, until the returned handle is closed. Nothing runs on H2, or with autovacuum on.
     */
    AutoCloseable standInForAutovacuum(String name) throws IOException, InterruptedException {
        if (this == H2 || psql("postgres", "SHOW autovacuum").contains("on")) {
            return () -> { };
        }
        Thread analyzer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10_000);
                    psql(name, "ANALYZE");
                } catch (InterruptedException stop) {
                    return;
                } catch (IOException e) {
                    System.out.println("ANALYZE failed: " + e.getMessage());
                }
            }
        }, "bench-analyze-" + name);
        analyzer.setDaemon(true);
        analyzer.start();
        System.out.printf("PostgreSQL has autovacuum off: ANALYZE of %s every 10 s stands in for it%n", name);
        return analyzer::interrupt;
    }

    private static String psql(String statement) throws IOException, InterruptedException {
        return psql("postgres", statement);
    }

    private static String psql(String database, String statement) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                "-tA", "-c", statement).redirectErrorStream(true).start();
        String out = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!psql.waitFor(60, TimeUnit.SECONDS) || psql.exitValue() != 0) {
            throw new IOException("psql could not run '" + statement + "' (is PostgreSQL on 127.0.0.1:5432 with trust?): " + out);
        }
        return out;
    }
}
